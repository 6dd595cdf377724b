<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../app/gui/screens/home_base.py" line="+110"/>
        <source>Hello %1</source>
        <translation>Hello %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read the orders from the station database: %1. Tap Refresh; if it persists, ask a supervisor.</source>
        <translation>Cannot read the orders from the station database: %1. Tap Refresh; if it persists, ask a supervisor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the orders…</source>
        <translation>Loading the orders…</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/gui/screens/login.py" line="+86"/>
        <source>Preparing the station…</source>
        <translation>Preparing the station…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>French</source>
        <translation>French</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown badge: %1. Check the badge or ask a supervisor.</source>
        <translation>Unknown badge: %1. Check the badge or ask a supervisor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Badge %1 has no role at this station. Go to a station for your role or ask a supervisor.</source>
        <translation>Badge %1 has no role at this station. Go to a station for your role or ask a supervisor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station cannot read its local database. Ask a supervisor. Detail: %1</source>
        <translation>The station cannot read its local database. Ask a supervisor. Detail: %1</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="+52"/>
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No scanner at hand? Type the badge code, then press Enter or Validate.</source>
        <translation>No scanner at hand? Type the badge code, then press Enter or Validate.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Badge code, e.g. BDG0001</source>
        <translation>Badge code, e.g. BDG0001</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Validate</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/login.py" line="-21"/>
        <location filename="../../ui/login.ui" line="+9"/>
        <source>Checking the badge…</source>
        <translation>Checking the badge…</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="+28"/>
        <source>OK, understood</source>
        <translation>OK, understood</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <location filename="../../app/gui/texts.py" line="+49"/>
        <source>To pick</source>
        <translation>To pick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting stock</source>
        <translation>Awaiting stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being picked</source>
        <translation>Being picked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked</source>
        <translation>Picked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being packed</source>
        <translation>Being packed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready to ship</source>
        <translation>Ready to ship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception</source>
        <translation>Exception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <location line="+58"/>
        <source>no cutoff</source>
        <translation>no cutoff</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>today %1</source>
        <translation>today %1</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <location filename="../../app/gui/models.py" line="+48"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutoff</source>
        <translation>Cutoff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>Units</translation>
    </message>
</context>
<context>
    <name>PackerHome</name>
    <message>
        <location filename="../../app/gui/screens/home_packer.py" line="+17"/>
        <source>order picked, waiting to be packed</source>
        <translation>order picked, waiting to be packed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>orders picked, waiting to be packed</source>
        <translation>orders picked, waiting to be packed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next orders, earliest cutoff first</source>
        <translation>Next orders, earliest cutoff first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to pack right now.</source>
        <translation>Nothing to pack right now.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start packing</source>
        <translation>Start packing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Guided packing is not available on this station yet; it comes with the next version of Quai.</source>
        <translation>Guided packing is not available on this station yet; it comes with the next version of Quai.</translation>
    </message>
</context>
<context>
    <name>PickerHome</name>
    <message>
        <location filename="../../app/gui/screens/home_picker.py" line="+17"/>
        <source>order waiting to be picked</source>
        <translation>order waiting to be picked</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>orders waiting to be picked</source>
        <translation>orders waiting to be picked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next orders, earliest cutoff first</source>
        <translation>Next orders, earliest cutoff first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to pick right now.</source>
        <translation>Nothing to pick right now.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start picking</source>
        <translation>Start picking</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Guided picking is not available on this station yet; it comes with the next version of Quai.</source>
        <translation>Guided picking is not available on this station yet; it comes with the next version of Quai.</translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <location filename="../../app/gui/screens/role_chooser.py" line="+63"/>
        <source>Hello %1, what are you working on?</source>
        <translation>Hello %1, what are you working on?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not me: back to badge scan</source>
        <translation>Not me: back to badge scan</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/gui/texts.py" line="-93"/>
        <source>Picking</source>
        <translation>Picking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pick orders</source>
        <translation>Pick orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack orders</source>
        <translation>Pack orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervise the floor</source>
        <translation>Supervise the floor</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/gui/status_area.py" line="+66"/>
        <source>Station: %1</source>
        <translation>Station: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nobody logged in</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>User: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logout of %1 not recorded: see a supervisor</source>
        <translation>Logout of %1 not recorded: see a supervisor</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>French</source>
        <translation>French</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../app/gui/texts.py" line="+23"/>
        <source>Central: checking…</source>
        <translation>Central: checking…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central: online</source>
        <translation>Central: online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central: offline</source>
        <translation>Central: offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central: embedded (SQLite)</source>
        <translation>Central: embedded (SQLite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local copy not refreshed: see a supervisor</source>
        <translation>Local copy not refreshed: see a supervisor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scanner: on-screen entry</source>
        <translation>Scanner: on-screen entry</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printer: not configured</source>
        <translation>Printer: not configured</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outbox: …</source>
        <translation>Outbox: …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: empty</source>
        <translation>Outbox: empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbox: %n event to send</source>
        <translation>Outbox: %n event to send</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outbox: %n events to send</source>
        <translation>Outbox: %n events to send</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last sync: never</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order %1 cancelled: put the picked items back</source>
        <translation>Order %1 cancelled: put the picked items back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 reassigned to %2</source>
        <translation>Order %1 reassigned to %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 taken over by %2</source>
        <translation>Order %1 taken over by %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 deleted centrally: put the picked items back</source>
        <translation>Order %1 deleted centrally: put the picked items back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 released: stop working on it</source>
        <translation>Order %1 released: stop working on it</translation>
    </message>
</context>
<context>
    <name>SupervisorHome</name>
    <message>
        <location filename="../../app/gui/screens/home_supervisor.py" line="+61"/>
        <source>%n order on the floor</source>
        <translation>%n order on the floor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n orders on the floor</source>
        <translation>%n orders on the floor</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Orders by status</source>
        <translation>Orders by status</translation>
    </message>
</context>
</TS>
