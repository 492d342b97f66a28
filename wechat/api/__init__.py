"""The per-area objects composed on ``WeChatAPI``."""

from .jsapi import JsapiAPI
from .media import MediaAPI
from .message import MessageAPI
from .qrcode import QRCodeAPI
from .sns import SnsAPI
from .user import UserAPI
from .wxa import WxaAPI

__all__ = ["JsapiAPI", "MediaAPI", "MessageAPI", "QRCodeAPI", "SnsAPI", "UserAPI", "WxaAPI"]
