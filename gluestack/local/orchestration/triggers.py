"""Triggers that fire by themselves: schedules on the offline clock, and conditions outside
workflows, as https://docs.aws.amazon.com/glue/latest/dg/about-triggers.html describes them.

- A SCHEDULED trigger that is ACTIVATED fires at each time of its cron the clock passes; in a
  workflow it starts a workflow run, outside one it starts its actions.
- A CONDITIONAL trigger outside a workflow that is ACTIVATED fires when a job or crawler it
  watches ends and its predicate holds for the last state of each watched job and crawler
  (triggers inside a workflow are the workflow engine's: they follow one run's nodes).
- StartTrigger fires an ON_DEMAND trigger outside a workflow, and activates the others.
- An EVENT trigger starts its workflow's run once BatchSize events reached the workflow, or
  BatchWindow seconds (900 by default) after the first of fewer, on the offline clock
  (https://docs.aws.amazon.com/glue/latest/dg/starting-workflow-eventbridge.html).
"""

import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from moto.glue.models import glue_backends

from gluestack.local.moto_extensions.workflow_runs import record_starting_batch
from gluestack.local.orchestration.clock import OfflineClock
from gluestack.local.orchestration.trigger_actions import start_action
from gluestack.local.orchestration.trigger_chain import Node, action_node, predicate_holds
from gluestack.spec.schedule import fire_times

_log = logging.getLogger(__name__)


DEFAULT_BATCH_WINDOW_SECONDS = 900


@dataclass
class EventBatch:
    """Events an event trigger has received since its workflow last started."""

    first_arrived: datetime
    event_ids: list[str] = field(default_factory=list)


@dataclass
class TriggerEngine:
    """Fires the offline account's scheduled, event and (outside workflows) conditional triggers."""

    clock: OfflineClock
    # Per scheduled trigger (account, region, name): the time up to which it has fired.
    fired_until: dict[tuple[str, str, str], datetime] = field(default_factory=dict)
    # Per event trigger (account, region, name): the batch it is collecting.
    batches: dict[tuple[str, str, str], EventBatch] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def tick(self) -> list[str]:
        """Fire every schedule the clock has passed since the last tick; the triggers fired."""
        now = self.clock.now()
        fired = []
        with self.lock:
            for backend in _backends():
                for trigger in list(backend.triggers.values()):
                    if trigger.trigger_type != "SCHEDULED":
                        continue
                    key = (backend.account_id, backend.region_name, trigger.name)
                    since = self.fired_until.setdefault(key, now)
                    self.fired_until[key] = now
                    if trigger.state != "ACTIVATED":
                        continue
                    for _ in fire_times(trigger.schedule, since, now):
                        self.fire(backend, trigger)
                        fired.append(trigger.name)
            fired += self._close_batch_windows(now)
        return fired

    def event_arrived(self, account: str, region: str, workflow: str, event: Any) -> None:
        """An EventBridge rule delivered event to the workflow: count it towards a run."""
        backend = glue_backends[account][region]
        with self.lock:
            trigger = next(
                (
                    t
                    for t in backend.triggers.values()
                    if t.workflow_name == workflow and t.trigger_type == "EVENT"
                ),
                None,
            )
            if trigger is None or trigger.state == "DEACTIVATED":
                _log.warning("workflow %s has no active event trigger; event dropped", workflow)
                return
            key = (account, region, trigger.name)
            batch = self.batches.setdefault(key, EventBatch(self.clock.now()))
            batch.event_ids.append(str(event.get("id", "")))
            size = _batching(trigger)[0]
            if len(batch.event_ids) >= size:
                del self.batches[key]
                _start_by_events(backend, trigger, batch, {"BatchSize": size})

    def _close_batch_windows(self, now: datetime) -> list[str]:
        fired = []
        for (account, region, name), batch in list(self.batches.items()):
            backend = glue_backends[account][region]
            trigger = backend.triggers.get(name)
            if trigger is None:
                del self.batches[(account, region, name)]
                continue
            window = _batching(trigger)[1]
            if now >= batch.first_arrived + timedelta(seconds=window):
                del self.batches[(account, region, name)]
                _start_by_events(backend, trigger, batch, {"BatchWindow": int(window)})
                fired.append(name)
        return fired

    def start_trigger(self, backend: Any, trigger: Any) -> None:
        """StartTrigger: an on-demand trigger outside a workflow fires; the others activate."""
        if trigger.trigger_type == "ON_DEMAND" and not trigger.workflow_name:
            self.fire(backend, trigger)
            return
        with self.lock:
            key = (backend.account_id, backend.region_name, trigger.name)
            self.fired_until[key] = self.clock.now()  # a schedule fires from its activation on
            trigger.state = "ACTIVATED"

    def node_ended(self, backend: Any, node: Node) -> None:
        """A job run or crawl outside any workflow run ended: fire what now holds."""
        with self.lock:
            for trigger in list(backend.triggers.values()):
                if (
                    trigger.trigger_type != "CONDITIONAL"
                    or trigger.workflow_name
                    or trigger.state != "ACTIVATED"
                ):
                    continue
                predicate = trigger.as_dict()["Predicate"]
                watched = [action_node(c) for c in predicate.get("Conditions", [])]
                if node in watched and predicate_holds(predicate, _last_states(backend, watched)):
                    self.fire(backend, trigger)

    @staticmethod
    def fire(backend: Any, trigger: Any) -> None:
        if trigger.workflow_name:
            backend.start_workflow_run(trigger.workflow_name, None)
            return
        for action in trigger.as_dict()["Actions"]:
            try:
                start_action(backend, action, {})
            except Exception as error:  # e.g. ConcurrentRunsExceededException
                _log.warning("trigger %s could not start %s: %s", trigger.name, action, error)


def _start_by_events(
    backend: Any, trigger: Any, batch: EventBatch, condition: dict[str, int]
) -> None:
    """Start the workflow as events do: run property aws:eventIds lists the batch's events
    (https://docs.aws.amazon.com/glue/latest/dg/viewing-start-event-info.html; a JSON list
    here), and the run records which batch condition started it."""
    properties = {"aws:eventIds": json.dumps(batch.event_ids)}
    run_id = backend.start_workflow_run(trigger.workflow_name, properties)
    record_starting_batch(
        backend.account_id, backend.region_name, trigger.workflow_name, run_id, condition
    )


def _batching(trigger: Any) -> tuple[int, float]:
    """An event trigger's BatchSize and BatchWindow (seconds)."""
    condition = trigger.event_batching_condition or {}
    size = int(condition.get("BatchSize") or 1)
    return size, float(condition.get("BatchWindow") or DEFAULT_BATCH_WINDOW_SECONDS)


def _backends() -> Iterator[Any]:
    for regions in list(glue_backends.values()):
        yield from list(regions.values())


def _last_states(backend: Any, nodes: list[Node]) -> dict[Node, str]:
    """The state of each node's latest job run or crawl, as trigger conditions name them."""
    states = {}
    for node in nodes:
        if node.kind == "job":
            job = backend.jobs.get(node.name)
            runs = job.job_runs if job else []
            if runs:
                states[node] = runs[-1].status
        else:
            crawler = backend.crawlers.get(node.name)
            crawls = getattr(crawler, "crawls", []) if crawler else []
            if crawls and hasattr(crawls[-1], "api_status"):
                states[node] = crawls[-1].api_status
    return states
