"""cdk.out tooling: synthesize the app, deploy an assembly into moto, read its permissions."""
