"""Telegram Desktop exports (`result.json`): one document per text message.

A single-chat export is an object with `name`, `id`, `messages`; a full-account export
nests such objects under `chats.list`. Service messages and media without a caption
carry no text and are passed over silently.
"""

from __future__ import annotations

from typing import Any

from ..model import Document
from . import IngestProblem
from .base import Items, source_name
from .dates import to_iso_date

_MESSAGE_META = ("forwarded_from", "reply_to_message_id", "from", "edited", "via_bot")


def is_export(value: Any) -> bool:
    """Whether a parsed JSON value has the shape of a Telegram export."""
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("messages"), list):
        return True
    chats = value.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def read_export(export: Any, where: str) -> Items:
    """Documents from an already parsed export (the caller has checked `is_export`)."""
    found = 0
    for chat in _chats(export):
        for item in _chat_items(chat, where):
            found += isinstance(item, Document)
            yield item
    if not found:
        yield IngestProblem(where, "no text messages in Telegram export")


def _chats(export: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(export.get("messages"), list):
        return [export]
    listed = export["chats"]["list"]
    return [chat for chat in listed if isinstance(chat, dict)]


def _chat_items(chat: dict[str, Any], where: str) -> Items:
    name = _clean(chat.get("name")) or source_name(where)
    channel_key = _clean(chat.get("id")) or name
    username = _clean(chat.get("username"))
    for position, message in enumerate(chat.get("messages") or [], start=1):
        if not isinstance(message, dict) or message.get("type") != "message":
            continue
        text = message_text(message.get("text"))
        if not text.strip():
            continue
        message_id = _clean(message.get("id")) or str(position)
        yield Document(
            text=text,
            source=name,
            external_id=f"{channel_key}/{message_id}",
            url=f"https://t.me/{username.lstrip('@')}/{message_id}" if username else None,
            published=to_iso_date(message.get("date")),
            origin=f"{where}#message-{message_id}",
            meta=_message_meta(message, chat),
        )


def message_text(value: Any) -> str:
    """A message's text: a string, or a list of strings and {"type", "text"} entities."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for part in value:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "".join(parts)
    return ""


def _message_meta(message: dict[str, Any], chat: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {"format": "telegram"}
    if chat.get("type"):
        meta["chat_type"] = chat["type"]
    for key in _MESSAGE_META:
        if message.get(key) is not None:
            meta[key] = message[key]
    links = [
        part["href"]
        for part in message.get("text") or []
        if isinstance(part, dict) and isinstance(part.get("href"), str)
    ]
    if links:
        meta["links"] = links
    if "photo" in message or "file" in message:
        meta["has_media"] = True
    return meta


def _clean(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip()
    return text or None
