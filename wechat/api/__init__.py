"""The per-area objects composed on ``WeChatAPI``."""

from .media import MediaAPI
from .message import MessageAPI
from .qrcode import QRCodeAPI
from .sns import SnsAPI
from .user import UserAPI
from .wxa import WxaAPI

__all__ = ["MediaAPI", "MessageAPI", "QRCodeAPI", "SnsAPI", "UserAPI", "WxaAPI"]
