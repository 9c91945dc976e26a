"""A small shop pipeline with one transform job per kind of step, in a throwaway project."""

from pathlib import Path

import pytest

from gluestack.codegen.generated_files import GeneratedScript, generated_scripts
from gluestack.spec import PipelineSpec, load

GOLDEN = Path(__file__).parent / "golden"

SHOP = """\
name: shop
database: shop
sources:
  orders: {prefix: orders/, format: csv}
jobs:
  mapping:
    description: Typed orders from the crawled CSV.
    script: glue_scripts/generated/mapping.py
    inputs: [orders]
    outputs:
      orders_typed: {prefix: orders_typed/}
    transform:
      sources:
        orders:
          table: orders
          columns: {id: string, amount: string, cust: string, note: string}
      mappings:
        - {source: id, type: bigint, allow_lossy: true}
        - {source: amount, target: total, type: double, allow_lossy: true}
        - {source: cust, target: customer}
  filtered:
    script: glue_scripts/generated/filtered.py
    outputs:
      big_orders:
        prefix: big_orders/
        format: json
        mode: overwrite
        data_quality:
          rules: |
            Rules = [
              RowCount between 0 and 3,
              ColumnValues "total" >= 10
            ]
          on_failure: fail
    transform:
      sources:
        orders:
          path: s3://landing/orders/
          format: json
          columns: {id: bigint, total: double, status: string}
      filters:
        - total >= 10
        - status <> 'cancelled'
  joined:
    script: glue_scripts/generated/joined.py
    outputs:
      order_customers: {prefix: order_customers/}
    transform:
      sources:
        orders:
          path: s3://landing/orders/
          format: json
          columns: {id: bigint, total: double, customer: string}
        customers:
          path: s3://landing/customers/
          format: json
          columns: {customer: string, country: string}
      joins:
        - {source: customers, keys: [customer], how: left}
  derived:
    script: glue_scripts/generated/derived.py
    outputs:
      order_features: {prefix: order_features/, partition_keys: [size]}
    transform:
      sources:
        orders:
          path: s3://landing/orders/
          format: json
          columns: {id: bigint, total: double, day: string}
      derived:
        day_of_week: {expression: "dayofweek(to_date(day))", type: int}
        size:
          expression: >-
            CASE WHEN total < 10 THEN 'small' WHEN total < 100 THEN 'medium' ELSE 'large' END
          type: string
  deduped:
    script: glue_scripts/generated/deduped.py
    outputs:
      latest_orders: {prefix: latest_orders/, format: orc}
    transform:
      sources:
        orders:
          path: s3://landing/orders/
          format: json
          columns: {id: bigint, total: double}
      dedupe: [id]
      compression: zstd
  nulls:
    script: glue_scripts/generated/nulls.py
    outputs:
      complete_orders: {prefix: complete_orders/}
    transform:
      sources:
        orders:
          path: s3://landing/orders/
          format: json
          columns: {id: bigint, total: double, coupon: string, items: bigint}
      drop_nulls: [id]
      fill_nulls: {coupon: none, items: 1}
  cleaned:
    script: glue_scripts/generated/cleaned.py
    outputs:
      clean_orders: {prefix: clean_orders/}
    transform:
      sources:
        orders:
          path: s3://landing/orders/
          format: json
          columns: {id: bigint, total: double, status: string, customer: string}
      drop: [total]
      null_values: ["NA", "n/a"]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pipelines").mkdir()
    (tmp_path / "pipelines" / "shop.yaml").write_text(SHOP)
    return tmp_path


def shop_spec(project: Path) -> PipelineSpec:
    return load(project / "pipelines" / "shop.yaml", project, require_generated=False)


def shop_scripts(project: Path) -> dict[str, GeneratedScript]:
    """Each transform job's script by job name (its file stem)."""
    spec_file = project / "pipelines" / "shop.yaml"
    scripts = generated_scripts(shop_spec(project), spec_file, project)
    return {script.path.stem: script for script in scripts}
