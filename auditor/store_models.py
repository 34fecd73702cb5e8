"""Tables of the audit store (SQLAlchemy 2.0). Raw uploads are never stored unless the user opts in."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))  # startup | reviewer
    organisation: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=now)


class Audit(Base):
    __tablename__ = "audits"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(30), default="draft")
    profile_json: Mapped[str] = mapped_column(Text)
    checklists: Mapped[str] = mapped_column(String(300))  # comma-separated ids
    report_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    score: Mapped[float | None] = mapped_column(nullable=True)
    band: Mapped[str | None] = mapped_column(String(30), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now)


class AnswerRow(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("audit_id", "item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id"))
    item_id: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=now)


class Upload(Base):
    __tablename__ = "uploads"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id"))
    role: Mapped[str] = mapped_column(String(20))  # data | outputs
    name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column("bytes", Integer)
    content: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # only with the user's opt-in
    summary_json: Mapped[str] = mapped_column(Text, default="{}")  # masked summary, never raw values
    created_at: Mapped[datetime] = mapped_column(default=now)


class Event(Base):
    """Every answer change, comment, override, status change and sign-off, hash-chained per audit."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id"))
    kind: Mapped[str] = mapped_column(String(30))
    item_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    payload_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))  # ISO text: part of the hashed content
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
