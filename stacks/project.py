"""This project's changes to the stacks gluestack builds: yours to edit.

gluestack builds a storage, an alerts and a catalog stack, and one stack per pipeline spec;
customize runs on them before the compliance gates (cdk-nag) check the whole app, so whatever
is added here is checked too. For example:

    cdk.Tags.of(stacks.storage).add("cost-center", "data-platform")
    MyDashboard(stacks.pipelines["flights"], "Dashboard")
"""

from gluestack.cdk import GluestackApp


def customize(stacks: GluestackApp) -> None:
    """Nothing to add in this repository: the flights example is gluestack's stacks as built."""
