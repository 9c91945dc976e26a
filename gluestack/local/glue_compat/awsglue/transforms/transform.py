"""awsglue.transforms.transform: GlueTransform, the base of every transform class."""

from typing import Any


class GlueTransform:
    """`Transform.apply(...)` calls an instance, as in AWS's awsglue."""

    @classmethod
    def apply(cls, *args: Any, **kwargs: Any) -> Any:
        return cls()(*args, **kwargs)

    @classmethod
    def name(cls) -> str:
        return cls.__name__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

        raise UnsupportedGlueFeature(f"transform {self.name()}")
