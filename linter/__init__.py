"""postlint: warns council employees before a social media post breaks the council's policy."""

import os as _os

# Importing spaCy imports PyTorch, transformers and huggingface_hub (thinc and Presidio look for
# them), and huggingface_hub reads these once, at import: so they are set here, before anything
# else of postlint's is imported. The clause classifier's base model is a local folder; nothing
# may reach the hub, and no progress bar may write to the service's log.
_os.environ["HF_HUB_OFFLINE"] = "1"
_os.environ["TRANSFORMERS_OFFLINE"] = "1"
_os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
_os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
_os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
_os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

__version__ = "0.1.0"
