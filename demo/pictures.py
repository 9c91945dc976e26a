"""PNG pictures of the run: the pipeline's trigger graph and the tree's top levels."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; no display needed

import matplotlib.pyplot as plt
from sklearn.tree import DecisionTreeClassifier, plot_tree

from gluestack.local.orchestration.trigger_chain import NodeOutcome


def save_tree(model: DecisionTreeClassifier, feature_names: list[str], path: Path) -> Path:
    """The first three levels of the tree."""
    figure, axes = plt.subplots(figsize=(22, 9))
    plot_tree(
        model,
        max_depth=3,
        feature_names=feature_names,
        class_names=["on time", "late"],
        filled=True,
        impurity=False,
        proportion=True,
        fontsize=8,
        ax=axes,
    )
    axes.set_title("Decision tree: will the flight arrive 15+ minutes late? (top 3 levels)")
    return _save(figure, path)


def save_run_graph(outcomes: list[NodeOutcome], path: Path) -> Path:
    """Each node that ran, left to right in run order, coloured by its final state."""
    figure, axes = plt.subplots(figsize=(3.2 * max(len(outcomes), 1) + 1, 2.6))
    for index, outcome in enumerate(outcomes):
        colour = "#b7e4c7" if outcome.state == "SUCCEEDED" else "#f4a3a3"
        axes.text(
            index * 3,
            0,
            f"{outcome.node.kind}\n{outcome.node.name}\n{outcome.state}",
            ha="center",
            va="center",
            fontsize=9,
            bbox={"boxstyle": "round,pad=0.6", "facecolor": colour, "edgecolor": "#333"},
        )
        if index:
            axes.annotate(
                "",
                xy=(index * 3 - 1.15, 0),
                xytext=(index * 3 - 1.85, 0),
                arrowprops={"arrowstyle": "->", "lw": 1.5},
            )
            axes.text(index * 3 - 1.5, 0.25, outcome.trigger, ha="center", fontsize=7)
    axes.set_xlim(-1.5, 3 * max(len(outcomes) - 1, 0) + 1.5)
    axes.set_ylim(-1, 1)
    axes.axis("off")
    axes.set_title("Workflow run: nodes in the order their triggers fired")
    return _save(figure, path)


def _save(figure: plt.Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)
    return path
