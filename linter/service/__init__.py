"""The local lint service: an aiohttp application that keeps the models loaded.

``app.init_app`` builds it, ``app.run`` serves it on the user's Unix socket (and optionally
loopback TCP with a bearer token). Handlers are thin; linting runs off the event loop.
"""
