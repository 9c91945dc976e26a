"""Code shared by the Glue scripts. A job with `shared_code: true` gets this package as a zip in
--extra-py-files, so its script can `import lib...` on Glue as it does locally."""
