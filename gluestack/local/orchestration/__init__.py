"""What starts runs: workflow runs, triggers, the offline clock and Glue's state-change events."""
