"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 01:40:37.107113
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('box_types',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('inner_length_mm', sa.Integer(), nullable=False),
    sa.Column('inner_width_mm', sa.Integer(), nullable=False),
    sa.Column('inner_height_mm', sa.Integer(), nullable=False),
    sa.Column('max_weight_g', sa.Integer(), nullable=False),
    sa.Column('tare_g', sa.Integer(), nullable=False),
    sa.Column('eco', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_box_types')),
    sa.UniqueConstraint('code', name=op.f('uq_box_types_code'))
    )
    op.create_table('events',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('occurred_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('station', sa.String(length=64), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('order_number', sa.String(length=64), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('pushed_at', app.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_events')),
    sa.UniqueConstraint('id', name=op.f('uq_events_id'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_order_number'), ['order_number'], unique=False)
        batch_op.create_index('ix_events_outbox', ['pushed_at', 'seq'], unique=False)

    op.create_table('locations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('zone', sa.String(length=16), nullable=False),
    sa.Column('aisle', sa.String(length=16), nullable=False),
    sa.Column('bay', sa.String(length=16), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('pick_sequence', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_locations')),
    sa.UniqueConstraint('code', name=op.f('uq_locations_code'))
    )
    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.create_index('ix_locations_route', ['pick_sequence', 'code'], unique=False)

    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=True),
    sa.Column('channel', sa.String(length=8), nullable=False),
    sa.Column('customer_name', sa.String(length=255), nullable=False),
    sa.Column('customer_email', sa.String(length=255), nullable=True),
    sa.Column('customer_phone', sa.String(length=64), nullable=True),
    sa.Column('ship_name', sa.String(length=255), nullable=False),
    sa.Column('ship_company', sa.String(length=255), nullable=True),
    sa.Column('ship_address1', sa.String(length=255), nullable=False),
    sa.Column('ship_address2', sa.String(length=255), nullable=True),
    sa.Column('ship_zip', sa.String(length=32), nullable=False),
    sa.Column('ship_city', sa.String(length=128), nullable=False),
    sa.Column('ship_province', sa.String(length=128), nullable=True),
    sa.Column('ship_country', sa.String(length=2), nullable=False),
    sa.Column('shipping_method', sa.String(length=255), nullable=True),
    sa.Column('carrier', sa.String(length=32), nullable=True),
    sa.Column('service', sa.String(length=64), nullable=True),
    sa.Column('delivery_mode', sa.String(length=8), nullable=False),
    sa.Column('relay_point_id', sa.String(length=64), nullable=True),
    sa.Column('relay_point_name', sa.String(length=255), nullable=True),
    sa.Column('payment_method', sa.String(length=128), nullable=True),
    sa.Column('financial_status', sa.String(length=32), nullable=True),
    sa.Column('created_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('ship_by', app.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('cutoff_at', app.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('gift_message', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('resume_status', sa.String(length=16), nullable=True),
    sa.Column('hold_reason', sa.String(length=255), nullable=True),
    sa.Column('exception_reason', sa.String(length=255), nullable=True),
    sa.Column('updated_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('number', name=op.f('uq_orders_number'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orders_status'), ['status'], unique=False)
        batch_op.create_index('ix_orders_status_cutoff', ['status', 'cutoff_at', 'priority'], unique=False)

    op.create_table('products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('length_mm', sa.Integer(), nullable=True),
    sa.Column('width_mm', sa.Integer(), nullable=True),
    sa.Column('height_mm', sa.Integer(), nullable=True),
    sa.Column('image_url', sa.String(length=1024), nullable=True),
    sa.Column('lot_tracked', sa.Boolean(), nullable=False),
    sa.Column('serial_tracked', sa.Boolean(), nullable=False),
    sa.Column('requires_shipping', sa.Boolean(), nullable=False),
    sa.Column('updated_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('sku', name=op.f('uq_products_sku'))
    )
    op.create_table('stations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('current_user', sa.String(length=64), nullable=True),
    sa.Column('last_seen_at', app.store.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stations')),
    sa.UniqueConstraint('name', name=op.f('uq_stations_name'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('badge', sa.String(length=64), nullable=False),
    sa.Column('roles', sa.String(length=64), nullable=False),
    sa.Column('pin_hash', sa.String(length=255), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('badge', name=op.f('uq_users_badge'))
    )
    op.create_table('order_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('picked', sa.Integer(), nullable=False),
    sa.Column('verified', sa.Integer(), nullable=False),
    sa.Column('requires_shipping', sa.Boolean(), nullable=False),
    sa.Column('captured', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_lines_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_lines')),
    sa.UniqueConstraint('order_id', 'line_no', name='uq_order_lines_order_line_no')
    )
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_lines_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_order_lines_sku'), ['sku'], unique=False)

    op.create_table('parcels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sscc', sa.String(length=18), nullable=True),
    sa.Column('box_type_id', sa.Integer(), nullable=True),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('tracking_code', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', app.store.types.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['box_type_id'], ['box_types.id'], name=op.f('fk_parcels_box_type_id_box_types'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_parcels_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parcels')),
    sa.UniqueConstraint('order_id', 'seq', name='uq_parcels_order_seq'),
    sa.UniqueConstraint('sscc', name=op.f('uq_parcels_sscc'))
    )
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parcels_order_id'), ['order_id'], unique=False)

    op.create_table('product_gtins',
    sa.Column('gtin', sa.String(length=14), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_gtins_product_id_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('gtin', name=op.f('pk_product_gtins'))
    )
    with op.batch_alter_table('product_gtins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_gtins_product_id'), ['product_id'], unique=False)

    op.create_table('stock',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('lot', sa.String(length=64), nullable=False),
    sa.Column('expiry', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_stock_location_id_locations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_stock_product_id_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock')),
    sa.UniqueConstraint('product_id', 'location_id', 'lot', name='uq_stock_product_location_lot')
    )
    with op.batch_alter_table('stock', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_product_id'), ['product_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('stock', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_product_id'))
        batch_op.drop_index(batch_op.f('ix_stock_location_id'))

    op.drop_table('stock')
    with op.batch_alter_table('product_gtins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_gtins_product_id'))

    op.drop_table('product_gtins')
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parcels_order_id'))

    op.drop_table('parcels')
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_lines_sku'))
        batch_op.drop_index(batch_op.f('ix_order_lines_order_id'))

    op.drop_table('order_lines')
    op.drop_table('users')
    op.drop_table('stations')
    op.drop_table('products')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_status_cutoff')
        batch_op.drop_index(batch_op.f('ix_orders_status'))

    op.drop_table('orders')
    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.drop_index('ix_locations_route')

    op.drop_table('locations')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_outbox')
        batch_op.drop_index(batch_op.f('ix_events_order_number'))
        batch_op.drop_index(batch_op.f('ix_events_kind'))

    op.drop_table('events')
    op.drop_table('box_types')
