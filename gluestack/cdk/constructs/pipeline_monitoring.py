"""Failure alerts, duration and failed-task alarms, and a dashboard for one pipeline."""

from dataclasses import dataclass

import aws_cdk as cdk
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as actions
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_sns as sns
from constructs import Construct

FAILED_JOB_STATES = ["FAILED", "TIMEOUT", "ERROR", "STOPPED"]
FAILED_CRAWLER_STATES = ["Failed"]


@dataclass(frozen=True)
class MonitoredJob:
    """A deployed job and the run time above which it alarms. A Python shell job emits no Spark
    metrics: its failures reach the topic, it has no metric alarms or dashboard widgets."""

    job_name: str
    alarm_minutes: int
    spark: bool = True


class PipelineMonitoring(Construct):
    """EventBridge rules send failed job runs and crawls to the topic, as a short JSON message
    naming the pipeline, so e-mail subscribers can filter on it; alarms go to the same topic."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        pipeline: str,
        environment: str,
        topic: sns.ITopic,
        jobs: list[MonitoredJob],
        crawler_names: list[str],
        emails: list[str],
    ) -> None:
        super().__init__(scope, construct_id)
        self.pipeline = pipeline
        self.topic = topic
        if jobs:
            self._job_failure_rule([j.job_name for j in jobs])
        if crawler_names:
            self._crawler_failure_rule(crawler_names)
        self.alarms = [alarm for job in jobs if job.spark for alarm in self._job_alarms(job)]
        for index, email in enumerate(emails):
            sns.Subscription(
                self,
                f"Email{index}",
                topic=topic,
                protocol=sns.SubscriptionProtocol.EMAIL,
                endpoint=email,
                filter_policy_with_message_body={
                    "pipeline": sns.FilterOrPolicy.filter(
                        sns.SubscriptionFilter.string_filter(allowlist=[pipeline])
                    )
                },
            )
        self.dashboard = self._dashboard(f"gluestack-{pipeline}-{environment}", jobs)

    def _message(self, kind: str, name_field: str, run_field: str) -> events.RuleTargetInput:
        return events.RuleTargetInput.from_object(
            {
                "pipeline": self.pipeline,
                "kind": kind,
                "name": events.EventField.from_path(f"$.detail.{name_field}"),
                "state": events.EventField.from_path("$.detail.state"),
                "run": events.EventField.from_path(f"$.detail.{run_field}"),
                "message": events.EventField.from_path("$.detail.message"),
            }
        )

    def _job_failure_rule(self, job_names: list[str]) -> None:
        events.Rule(
            self,
            "JobFailed",
            description=f"{self.pipeline}: a job run ended in {', '.join(FAILED_JOB_STATES)}",
            event_pattern=events.EventPattern(
                source=["aws.glue"],
                detail_type=["Glue Job State Change"],
                detail={"jobName": job_names, "state": FAILED_JOB_STATES},
            ),
            targets=[
                targets.SnsTopic(self.topic, message=self._message("job", "jobName", "jobRunId"))
            ],
        )

    def _crawler_failure_rule(self, crawler_names: list[str]) -> None:
        events.Rule(
            self,
            "CrawlerFailed",
            description=f"{self.pipeline}: a crawl failed",
            event_pattern=events.EventPattern(
                source=["aws.glue"],
                detail_type=["Glue Crawler State Change"],
                detail={"crawlerName": crawler_names, "state": FAILED_CRAWLER_STATES},
            ),
            targets=[
                targets.SnsTopic(
                    self.topic, message=self._message("crawler", "crawlerName", "crawlerName")
                )
            ],
        )

    @staticmethod
    def _metric(
        job_name: str, metric: str, statistic: str, label: str | None = None
    ) -> cloudwatch.Metric:
        return cloudwatch.Metric(
            namespace="Glue",
            metric_name=metric,
            dimensions_map={"JobName": job_name, "JobRunId": "ALL", "Type": "count"},
            statistic=statistic,
            period=cdk.Duration.minutes(5),
            label=label,
        )

    def _job_alarms(self, job: MonitoredJob) -> list[cloudwatch.Alarm]:
        construct_id = "".join(p.capitalize() for p in job.job_name.replace("_", "-").split("-"))
        duration = cloudwatch.Alarm(
            self,
            f"{construct_id}TooLong",
            alarm_description=f"{job.job_name} ran longer than {job.alarm_minutes} minutes",
            metric=self._metric(job.job_name, "glue.driver.aggregate.elapsedTime", "Maximum"),
            threshold=job.alarm_minutes * 60_000,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        failed_tasks = cloudwatch.Alarm(
            self,
            f"{construct_id}FailedTasks",
            alarm_description=f"{job.job_name} had failed Spark tasks",
            metric=self._metric(job.job_name, "glue.driver.aggregate.numFailedTasks", "Sum"),
            threshold=0,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        for alarm in (duration, failed_tasks):
            alarm.add_alarm_action(actions.SnsAction(self.topic))
        return [duration, failed_tasks]

    def _dashboard(self, name: str, jobs: list[MonitoredJob]) -> cloudwatch.Dashboard:
        dashboard = cloudwatch.Dashboard(self, "Dashboard", dashboard_name=name)
        jobs = [job for job in jobs if job.spark]
        if not jobs:
            return dashboard

        def graph(title: str, metric: str, statistic: str) -> cloudwatch.GraphWidget:
            return cloudwatch.GraphWidget(
                title=title,
                left=[self._metric(j.job_name, metric, statistic, j.job_name) for j in jobs],
                width=8,
            )

        dashboard.add_widgets(
            graph("Run time (ms)", "glue.driver.aggregate.elapsedTime", "Maximum"),
            graph("Failed tasks", "glue.driver.aggregate.numFailedTasks", "Sum"),
            graph("Records read", "glue.driver.aggregate.recordsRead", "Sum"),
        )
        dashboard.add_widgets(
            cloudwatch.AlarmStatusWidget(title="Alarms", alarms=self.alarms, width=24)
        )
        return dashboard
