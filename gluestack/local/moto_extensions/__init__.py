"""moto's missing Glue APIs and behaviours, installed into moto and removed together."""
