"""change log for the stations' pull

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 04:05:00

Only the table: the triggers that fill it exist on the central database alone and are
(re)installed by app.sync.capture after every migration (`quai central init|upgrade`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('changes',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('txid', sa.BigInteger(), nullable=True),
    sa.Column('table_name', sa.String(length=32), nullable=False),
    sa.Column('row_key', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_changes'))
    )
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.create_index('ix_changes_txid', ['txid', 'seq'], unique=False)


def downgrade() -> None:
    # The capture triggers write into ``changes``: they go first (SQLite refuses to rename
    # a table while a trigger names a missing one).
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.execute('DROP FUNCTION IF EXISTS quai_capture() CASCADE')
    else:
        names = bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, 13) = 'quai_capture_'"
        ).scalars().all()
        for name in names:
            op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index('ix_changes_txid')
    op.drop_table('changes')
