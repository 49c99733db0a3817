"""Every ``web.AppKey`` of the service, in one place."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from aiohttp import web

from .config import ServiceConfig
from .limits import Limiter
from .engine import Engine

CONFIG = web.AppKey("config", ServiceConfig)
ENGINE = web.AppKey("engine", Engine)
EXECUTOR = web.AppKey("executor", ThreadPoolExecutor)
LIMITER = web.AppKey("limiter", Limiter)
STARTED = web.AppKey("started", float)
