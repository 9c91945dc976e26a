"""This project's changes to the stacks gluestack builds: yours to edit.

gluestack builds a storage, an alerts and a catalog stack, and one stack per pipeline spec;
customize runs on them before the compliance gates (cdk-nag) check the whole app, so whatever
is added here is checked too. For example:

    cdk.Tags.of(stacks.storage).add("cost-center", "data-platform")
    MyDashboard(stacks.pipelines["${name}"], "Dashboard")
"""

from gluestack.cdk import GluestackApp


def customize(stacks: GluestackApp) -> None:
    """Add your own resources or stacks here; gluestack's stacks come as they are built."""
