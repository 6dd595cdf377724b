"""claims and sync

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 03:01:11.390400
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_state',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_state'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin_seq', sa.Integer(), nullable=True))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('claim_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('lease_until', app.store.types.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('assigned_to', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_orders_claimed_by'), ['claimed_by'], unique=False)

    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pushed_seq', sa.Integer(), server_default='0', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_column('pushed_seq')

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_claimed_by'))
        batch_op.drop_column('assigned_to')
        batch_op.drop_column('lease_until')
        batch_op.drop_column('claim_id')
        batch_op.drop_column('claimed_by')

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('origin_seq')

    op.drop_table('sync_state')
