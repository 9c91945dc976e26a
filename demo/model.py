"""Train a decision tree that predicts late arrivals from what is known before departure.

Splits are by date, so every evaluation month comes after every training month, as it would
for a model used on future flights.
"""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.metrics import accuracy_score, balanced_accuracy_score, precision_score, recall_score
from sklearn.tree import DecisionTreeClassifier

LABEL = "is_late"
TRAIN_MONTHS = range(1, 9)
VALIDATION_MONTHS = range(9, 11)
TEST_MONTHS = range(11, 13)
# Columns of flights_features, the table the generated features job writes.
NUMERIC_FEATURES = [
    "minute_of_day", "arr_hour", "sched_arr_time", "distance", "day_of_week", "quarter",
    "is_weekend", "temp", "dewp", "humid", "wind_dir", "wind_speed", "wind_gust", "precip",
    "pressure", "visib", "plane_age", "engines", "seats",
]  # fmt: skip
CATEGORICAL_FEATURES = ["carrier", "origin", "dest", "distance_band"]


@dataclass(frozen=True)
class Scores:
    accuracy: float
    balanced_accuracy: float
    precision: float
    recall: float


@dataclass(frozen=True)
class ModelReport:
    """Test-set scores of the tree and of always predicting the majority class."""

    rows: dict[str, int]
    late_share: float
    tree: Scores
    majority_baseline: Scores
    model: DecisionTreeClassifier
    feature_names: list[str]


def read_curated(folder: Path) -> pd.DataFrame:
    """The flights_features table (a partitioned Parquet folder) as a DataFrame."""
    frame = pd.read_parquet(folder)
    frame["month"] = frame["month"].astype(int)
    return frame


def split_by_month(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """train (Jan-Aug), validation (Sep-Oct), test (Nov-Dec)."""
    return {
        "train": frame[frame["month"].isin(TRAIN_MONTHS)],
        "validation": frame[frame["month"].isin(VALIDATION_MONTHS)],
        "test": frame[frame["month"].isin(TEST_MONTHS)],
    }


def write_splits(splits: dict[str, pd.DataFrame], folder: Path) -> None:
    """One Parquet file per split under folder/<split>/."""
    for name, frame in splits.items():
        (folder / name).mkdir(parents=True, exist_ok=True)
        frame.to_parquet(folder / name / "part-0.parquet", index=False)


def features(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Numeric features plus one-hot categories; missing values stay NaN (the tree handles them)."""
    numeric = frame[NUMERIC_FEATURES].astype(float)
    encoded = pd.get_dummies(frame[CATEGORICAL_FEATURES].astype(str), dtype=float)
    matrix = pd.concat([numeric, encoded], axis=1)
    return matrix if columns is None else matrix.reindex(columns=columns, fill_value=0.0)


def train_and_evaluate(splits: dict[str, pd.DataFrame], max_depth: int = 8) -> ModelReport:
    """Fit on train, pick nothing on validation (depth is fixed), score on test."""
    train, test = splits["train"], splits["test"]
    x_train = features(train)
    model = DecisionTreeClassifier(
        max_depth=max_depth, min_samples_leaf=100, class_weight="balanced", random_state=13
    )
    model.fit(x_train, train[LABEL])
    predicted = model.predict(features(test, list(x_train.columns)))
    majority = train[LABEL].mode().iloc[0]
    return ModelReport(
        rows={name: len(frame) for name, frame in splits.items()},
        late_share=float(train[LABEL].mean()),
        tree=_scores(test[LABEL], predicted),
        majority_baseline=_scores(test[LABEL], [majority] * len(test)),
        model=model,
        feature_names=list(x_train.columns),
    )


def _scores(truth: pd.Series, predicted: object) -> Scores:
    return Scores(
        accuracy=float(accuracy_score(truth, predicted)),
        balanced_accuracy=float(balanced_accuracy_score(truth, predicted)),
        precision=float(precision_score(truth, predicted, zero_division=0)),
        recall=float(recall_score(truth, predicted, zero_division=0)),
    )
