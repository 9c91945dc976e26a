"""Test your own Glue jobs offline: `OfflineGlue`, and the pytest plugin's fixtures.

After `pip install gluestack`, pytest loads the plugin (gluestack.testing.plugin) by itself:
`import awsglue` resolves to gluestack's local layer during the session, and the fixtures
`offline_glue` (an OfflineGlue in a temporary folder) and `glue_context` are available.
`throwaway_postgres()` is a real PostgreSQL for a test's JDBC sources.
"""

from gluestack.local.jdbc.throwaway_postgres import RunningPostgres, throwaway_postgres
from gluestack.testing.offline_glue import OfflineGlue, ScriptRun

__all__ = ["OfflineGlue", "RunningPostgres", "ScriptRun", "throwaway_postgres"]
