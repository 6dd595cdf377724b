"""picking: short lines, order totes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 07:30:00

New columns only. The pull needs nothing more (it reads and writes whole rows from the
models' column lists), nor PostgreSQL's change capture (it compares whole rows as jsonb).
The embedded SQLite central database's update triggers list the columns they compare:
``prepare_central`` (app.sync.capture), which every central upgrade runs, regenerates
them after this migration.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('short_quantity', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('short_reason', sa.String(length=32), nullable=True))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('totes', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('totes')

    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_column('short_reason')
        batch_op.drop_column('short_quantity')
