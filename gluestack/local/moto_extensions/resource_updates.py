"""UpdateJob, UpdateTrigger and UpdateCrawler for moto 5.2, which has none of them.

Semantics from Glue's API reference:
- UpdateJob: "The previous job definition is completely overwritten by this information";
  JobUpdate's "unspecified configuration is removed or reset to default values"
  (https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateJob.html).
- UpdateTrigger: TriggerUpdate "updates the previous trigger definition by overwriting it
  completely" (https://docs.aws.amazon.com/glue/latest/webapi/API_TriggerUpdate.html); the
  trigger's type, workflow and state are not part of it and stay.
- UpdateCrawler: every parameter but Name is optional and replaces only what it names; a
  running crawler must be stopped first (CrawlerRunningException)
  (https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateCrawler.html).
"""

import json
from typing import Any

from moto.core.utils import utcnow
from moto.glue.exceptions import CrawlerRunningException
from moto.glue.responses import GlueResponse
from moto.glue.utils import Action, Predicate

# JobUpdate member -> moto's FakeJob attribute, and the value a job created without it has.
_JOB_FIELDS: dict[str, tuple[str, Any]] = {
    "Description": ("description", None),
    "LogUri": ("log_uri", None),
    "Role": ("role", None),
    "ExecutionProperty": ("execution_property", {}),
    "Command": ("command", None),
    "DefaultArguments": ("default_arguments", {}),
    "NonOverridableArguments": ("non_overridable_arguments", None),
    "Connections": ("connections", None),
    "MaxRetries": ("max_retries", None),
    "AllocatedCapacity": ("allocated_capacity", None),
    "Timeout": ("timeout", None),
    "MaxCapacity": ("max_capacity", None),
    "WorkerType": ("worker_type", None),
    "NumberOfWorkers": ("number_of_workers", None),
    "SecurityConfiguration": ("security_configuration", None),
    "NotificationProperty": ("notification_property", None),
    "GlueVersion": ("glue_version", None),
    "CodeGenConfigurationNodes": ("code_gen_configuration_nodes", None),
    "ExecutionClass": ("execution_class", "STANDARD"),
    "SourceControlDetails": ("source_control_details", None),
    # gluestack's own attribute (run_apis reads it): moto does not model run queuing
    "JobRunQueuingEnabled": ("job_run_queuing_enabled", False),
}

# UpdateCrawler parameter -> moto's FakeCrawler attribute.
_CRAWLER_FIELDS = {
    "Role": "role",
    "DatabaseName": "database_name",
    "Description": "description",
    "Targets": "targets",
    "Schedule": "schedule",
    "Classifiers": "classifiers",
    "TablePrefix": "table_prefix",
    "SchemaChangePolicy": "schema_change_policy",
    "RecrawlPolicy": "recrawl_policy",
    "LineageConfiguration": "lineage_configuration",
    "Configuration": "configuration",
    "CrawlerSecurityConfiguration": "crawler_security_configuration",
}


def _update_job(self: GlueResponse) -> str:
    name = self._get_param("JobName")
    job: Any = self.glue_backend.get_job(name)
    update: dict[str, Any] = self._get_param("JobUpdate") or {}
    for member, (attribute, default) in _JOB_FIELDS.items():
        value = update.get(member)
        setattr(job, attribute, default if value is None else value)
    job.last_modified_on = utcnow()
    return json.dumps({"JobName": name})


def _update_trigger(self: GlueResponse) -> str:
    trigger: Any = self.glue_backend.get_trigger(self._get_param("Name"))
    update: dict[str, Any] = self._get_param("TriggerUpdate") or {}
    trigger.schedule = update.get("Schedule")
    trigger.description = update.get("Description")
    trigger.actions = [Action(action) for action in update.get("Actions") or []]
    trigger.predicate = Predicate(update["Predicate"]) if update.get("Predicate") else None
    trigger.event_batching_condition = update.get("EventBatchingCondition")
    return json.dumps({"Trigger": trigger.as_dict()})


def _update_crawler(self: GlueResponse) -> str:
    name = self._get_param("Name")
    crawler: Any = self.glue_backend.get_crawler(name)
    if crawler.status in ("RUNNING", "STOPPING"):
        raise CrawlerRunningException(f"Crawler with name {name} is running; stop it first")
    for parameter, attribute in _CRAWLER_FIELDS.items():
        value = self._get_param(parameter)
        if value is not None:
            setattr(crawler, attribute, value)
    crawler.version += 1
    crawler.last_updated = utcnow()
    return json.dumps({})


def install() -> None:
    """Add the three actions to moto's Glue responses (in-process and served); idempotent."""
    GlueResponse.update_job = _update_job  # type: ignore[attr-defined]
    GlueResponse.update_trigger = _update_trigger  # type: ignore[attr-defined]
    GlueResponse.update_crawler = _update_crawler  # type: ignore[attr-defined]
