"""packing: parcel contents, kind and times; who packed an order

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 13:45:00

New columns only (see 0004 for why the pull and PostgreSQL's change capture need nothing
more; ``prepare_central`` regenerates the embedded SQLite central's update triggers).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contents', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('kind', sa.String(length=8), server_default='parcel', nullable=False))
        batch_op.add_column(sa.Column('closed_at', app.store.types.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column('shipped_at', app.store.types.UtcDateTime(), nullable=True))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('packed_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('packed_at', app.store.types.UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('packed_at')
        batch_op.drop_column('packed_by')

    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.drop_column('shipped_at')
        batch_op.drop_column('closed_at')
        batch_op.drop_column('kind')
        batch_op.drop_column('contents')
