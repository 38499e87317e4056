"""bulletin-pipeline: policy bulletins in, tidy tables out.

The stages, in order (one module each):

    sources -> clean -> sections -> dates -> groups -> people -> publications -> events
            -> registries -> writers

``pipeline.run`` calls them in that order.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bulletin-pipeline")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"
