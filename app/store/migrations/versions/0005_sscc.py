"""SSCC numbering: central counters and block log, the station's pool

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 11:50:00

Three new tables (see app.store.models): ``sscc_counters`` and ``sscc_blocks`` are used
on the central database, ``sscc_pool`` on a station; every database gets all three and
the unused ones stay empty. None is captured for the pull (app.sync.capture.CAPTURED), so
no change-log trigger is needed and ``prepare_central`` has nothing to regenerate.

A counter only moves forward: triggers refuse an UPDATE that lowers ``next_serial`` or
renames the counter, and any DELETE, whoever writes (a bug, a station's role, psql), since
either would hand out serial references again. A later batch migration that rebuilds
``sscc_counters`` on SQLite drops these triggers: it must create them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_REFUSED = 'an SSCC counter never moves back and is never deleted: that would hand out SSCC numbers twice'

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION quai_sscc_forward_only() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.next_serial < OLD.next_serial
       OR NEW.extension_digit <> OLD.extension_digit OR NEW.company_prefix <> OLD.company_prefix THEN
        RAISE EXCEPTION '{_REFUSED}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$fn$
"""

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER quai_sscc_forward_only_upd BEFORE UPDATE ON sscc_counters "
    "WHEN NEW.next_serial < OLD.next_serial OR NEW.extension_digit IS NOT OLD.extension_digit "
    "OR NEW.company_prefix IS NOT OLD.company_prefix "
    f"BEGIN SELECT RAISE(ABORT, '{_REFUSED}'); END",
    "CREATE TRIGGER quai_sscc_forward_only_del BEFORE DELETE ON sscc_counters "
    f"BEGIN SELECT RAISE(ABORT, '{_REFUSED}'); END",
)


def upgrade() -> None:
    op.create_table('sscc_counters',
    sa.Column('extension_digit', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('company_prefix', sa.String(length=10), nullable=False),
    sa.Column('next_serial', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('next_serial >= 1', name=op.f('ck_sscc_counters_serial_from_1')),
    sa.PrimaryKeyConstraint('extension_digit', 'company_prefix', name=op.f('pk_sscc_counters'))
    )
    op.create_table('sscc_blocks',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('station', sa.String(length=64), nullable=False),
    sa.Column('extension_digit', sa.Integer(), nullable=False),
    sa.Column('company_prefix', sa.String(length=10), nullable=False),
    sa.Column('first_serial', sa.BigInteger(), nullable=False),
    sa.Column('last_serial', sa.BigInteger(), nullable=False),
    sa.Column('issued_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('last_serial >= first_serial', name=op.f('ck_sscc_blocks_not_empty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sscc_blocks')),
    sa.UniqueConstraint('extension_digit', 'company_prefix', 'first_serial', name='uq_sscc_blocks_first')
    )
    with op.batch_alter_table('sscc_blocks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sscc_blocks_station'), ['station'], unique=False)

    op.create_table('sscc_pool',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('extension_digit', sa.Integer(), nullable=False),
    sa.Column('company_prefix', sa.String(length=10), nullable=False),
    sa.Column('first_serial', sa.BigInteger(), nullable=False),
    sa.Column('last_serial', sa.BigInteger(), nullable=False),
    sa.Column('next_serial', sa.BigInteger(), nullable=False),
    sa.Column('added_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.CheckConstraint(
        'next_serial >= first_serial AND next_serial <= last_serial + 1', name=op.f('ck_sscc_pool_next_in_block')
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sscc_pool')),
    sa.UniqueConstraint('extension_digit', 'company_prefix', 'first_serial', name='uq_sscc_pool_first')
    )

    if op.get_bind().dialect.name == 'postgresql':
        op.execute(_PG_FUNCTION)
        op.execute(
            'CREATE TRIGGER quai_sscc_forward_only BEFORE UPDATE OR DELETE ON sscc_counters '
            'FOR EACH ROW EXECUTE FUNCTION quai_sscc_forward_only()'
        )
    else:
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    op.drop_table('sscc_pool')
    with op.batch_alter_table('sscc_blocks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sscc_blocks_station'))
    op.drop_table('sscc_blocks')
    op.drop_table('sscc_counters')  # its triggers go with it
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP FUNCTION IF EXISTS quai_sscc_forward_only()')
