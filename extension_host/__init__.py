"""The native messaging host: a thin relay between the browser extension and the local service.

``framing`` speaks the browsers' stdio protocol, ``relay`` forwards requests over the Unix
socket, ``autostart`` starts the service when it is not running, ``host`` ties them together
(the ``postlint-host`` executable), ``install`` writes the per-user browser manifests and
``doctor`` explains what is installed and running.
"""
