"""events: ix_events_kind_time, the console's KPIs read one day of one kind of event

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 14:30:00

The console's KPIs (app.store.kpis) ask, for one day, the events of a few kinds
(``pick.unit``, ``order.status_changed``, ``pack.*``). With the index on ``kind`` alone,
PostgreSQL reads every event of the kind since the first day (400,000 status changes at
100,000 orders) to keep one day's; with (kind, occurred_at) it reads that day's range only.
bench/bench_console_kpis.py prints both (1M events): see its output in the README's KPI
section. The index on ``kind`` alone stays (its other readers, the outbox, are unchanged).
"""

from __future__ import annotations

from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_events_kind_time', 'events', ['kind', 'occurred_at'])


def downgrade() -> None:
    op.drop_index('ix_events_kind_time', table_name='events')
