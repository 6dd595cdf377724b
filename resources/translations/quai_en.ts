<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../app/gui/feedback.py" line="+185"/>
        <source>Scan or tap here to continue</source>
        <translation>Scan or tap here to continue</translation>
    </message>
</context>
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
    <name>Keypad</name>
    <message>
        <location filename="../../app/gui/screens/keypad.py" line="+89"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <location line="+113"/>
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
    <name>Pick</name>
    <message>
        <location filename="../../app/gui/pick_texts.py" line="+23"/>
        <source>Wrong location: you scanned {got}. Go to {expected}.</source>
        <translation>Wrong location: you scanned {got}. Go to {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong product: {got} is not the one to take here. Take {expected}.</source>
        <translation>Wrong product: {got} is not the one to take here. Take {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot {lot} expired on {expiry}: do not take it. Take another unit, or declare a short pick.</source>
        <translation>Lot {lot} expired on {expiry}: do not take it. Take another unit, or declare a short pick.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This product is tracked by lot: scan its GS1 barcode with the lot, not the plain EAN.</source>
        <translation>This product is tracked by lot: scan its GS1 barcode with the lot, not the plain EAN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This line needs no more: put the extra unit back.</source>
        <translation>This line needs no more: put the extra unit back.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong tote: {got}. Put it in tote {expected}.</source>
        <translation>Wrong tote: {got}. Put it in tote {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tote {tote} is already used for order {order}: take another empty tote.</source>
        <translation>Tote {tote} is already used for order {order}: take another empty tote.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a tote here.</source>
        <translation>Scan a tote here.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the location {expected} first.</source>
        <translation>Scan the location {expected} first.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it in tote {tote} and scan the tote first.</source>
        <translation>Put it in tote {tote} and scan the tote first.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The barcode was misread: scan it again.</source>
        <translation>The barcode was misread: scan it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This scan is not expected now: follow the screen.</source>
        <translation>This scan is not expected now: follow the screen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pick is paused: tap Resume or scan the Pause barcode.</source>
        <translation>The pick is paused: tap Resume or scan the Pause barcode.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to undo.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish the short pick on the screen first.</source>
        <translation>Finish the short pick on the screen first.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a reason on the screen.</source>
        <translation>Choose a reason on the screen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That quantity is not possible here.</source>
        <translation>That quantity is not possible here.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A quantity can be keyed in only on large lines: scan each unit.</source>
        <translation>A quantity can be keyed in only on large lines: scan each unit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to declare short here.</source>
        <translation>Nothing to declare short here.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to cancel.</source>
        <translation>Nothing to cancel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No other location was offered.</source>
        <translation>No other location was offered.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pick is not paused.</source>
        <translation>The pick is not paused.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Order {order} picked.</source>
        <translation>Order {order} picked.</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+26"/>
        <source>Pick complete: take the totes to packing.</source>
        <translation>Pick complete: take the totes to packing.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Short pick recorded.</source>
        <translation>Short pick recorded.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to your route: {location}.</source>
        <translation>Added to your route: {location}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last scan undone.</source>
        <translation>Last scan undone.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Order {order} incomplete: it waits for stock.</source>
        <translation>Order {order} incomplete: it waits for stock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} incomplete: a supervisor takes it over.</source>
        <translation>Order {order} incomplete: a supervisor takes it over.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Units of this product need their lot read: tap Cancel, scan each unit you found, then declare the short pick for the rest.</source>
        <translation>Units of this product need their lot read: tap Cancel, scan each unit you found, then declare the short pick for the rest.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No order is waiting to be picked right now.</source>
        <translation>No order is waiting to be picked right now.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order {order} is being picked at station {station}.</source>
        <translation>Order {order} is being picked at station {station}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is assigned to station {station}.</source>
        <translation>Order {order} is assigned to station {station}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is unknown: check the barcode.</source>
        <translation>Order {order} is unknown: check the barcode.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} cannot be picked now (status: {status}).</source>
        <translation>Order {order} cannot be picked now (status: {status}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central database cannot be reached: no order can be reserved. Try again in a moment.</source>
        <translation>The central database cannot be reached: no order can be reserved. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pick could not start: {detail}. Ask a supervisor.</source>
        <translation>The pick could not start: {detail}. Ask a supervisor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station could not save that scan ({detail}): scan it again. If it persists, ask a supervisor.</source>
        <translation>The station could not save that scan ({detail}): scan it again. If it persists, ask a supervisor.</translation>
    </message>
</context>
<context>
    <name>PickScreen</name>
    <message>
        <location filename="../../app/gui/screens/pick.py" line="+216"/>
        <source>How many units do you take? (at most %1)</source>
        <translation>How many units do you take? (at most %1)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pick waits for you. Tap Resume or scan the Pause barcode.</source>
        <translation>The pick waits for you. Tap Resume or scan the Pause barcode.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>How many units did you find at %1? (at most %2)</source>
        <translation>How many units did you find at %1? (at most %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 more at %2. Add this location to your route?</source>
        <translation>%1 more at %2. Add this location to your route?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pick complete</source>
        <translation>Pick complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the totes to packing. Next work: tap below or scan Next.</source>
        <translation>Take the totes to packing. Next work: tap below or scan Next.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next work</source>
        <translation>Next work</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch of %1 orders</source>
        <translation>Batch of %1 orders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop %1 of %2 · %3 / %4 units</source>
        <translation>Stop %1 of %2 · %3 / %4 units</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan an empty tote for order %1</source>
        <translation>Scan an empty tote for order %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Go to the location and scan its label</source>
        <translation>Go to the location and scan its label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the product, one scan per unit</source>
        <translation>Scan the product, one scan per unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it in the tote and scan the tote</source>
        <translation>Put it in the tote and scan the tote</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>units taken here</source>
        <translation>units taken here</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tote %1</source>
        <translation>Tote %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Short pick</source>
        <translation>Short pick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo last scan</source>
        <translation>Undo last scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key in quantity</source>
        <translation>Key in quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is it short?</source>
        <translation>Why is it short?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location empty</source>
        <translation>Location empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes, add it</source>
        <translation>Yes, add it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>PickerHome</name>
    <message>
        <location filename="../../app/gui/screens/home_picker.py" line="+18"/>
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
        <source>Or scan an order&apos;s barcode to pick that order.</source>
        <translation>Or scan an order&apos;s barcode to pick that order.</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../app/gui/printer_texts.py" line="+24"/>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not answering</source>
        <translation>not answering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of labels</source>
        <translation>out of labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head open</source>
        <translation>head open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of ribbon</source>
        <translation>out of ribbon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory full</source>
        <translation>memory full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fault</source>
        <translation>fault</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending again</source>
        <translation>sending again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label to check</source>
        <translation>label to check</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%n waiting</source>
        <translation>%n waiting</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The printer could not be started: %1. Check the [printing] section of the station&apos;s configuration.</source>
        <translation>The printer could not be started: %1. Check the [printing] section of the station&apos;s configuration.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed</source>
        <translation>printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to check</source>
        <translation>to check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document printer</source>
        <translation>Document printer</translation>
    </message>
    <message>
        <location filename="../../app/gui/printers_ui.py" line="+118"/>
        <source>This job is already at the printer: it can no longer be cancelled.</source>
        <translation>This job is already at the printer: it can no longer be cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/printers.py" line="+133"/>
        <source>%1 waiting</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(reprint)</source>
        <translation>(reprint)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a job to see its label.</source>
        <translation>Choose a job to see its label.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No preview for this job (printed before the station started).</source>
        <translation>No preview for this job (printed before the station started).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print a test label</source>
        <translation>Print a test label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It came out</source>
        <translation>It came out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It did not come out</source>
        <translation>It did not come out</translation>
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
        <location filename="../../app/gui/texts.py" line="-148"/>
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
    <name>Scan</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="+264"/>
        <source>Log in first: scan your badge.</source>
        <translation>Log in first: scan your badge.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose your role on the screen, or tap “Not me”.</source>
        <translation>Choose your role on the screen, or tap “Not me”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No scan is expected on this screen.</source>
        <translation>No scan is expected on this screen.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scan_router.py" line="+68"/>
        <source>This window does not take this scan: scan what it asks for, or answer it on the screen.</source>
        <translation>This window does not take this scan: scan what it asks for, or answer it on the screen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan not used: a window is open. Answer it on the screen, then scan again.</source>
        <translation>Scan not used: a window is open. Answer it on the screen, then scan again.</translation>
    </message>
    <message>
        <location filename="../../app/gui/texts.py" line="+78"/>
        <source>Empty scan: scan the barcode again.</source>
        <translation>Empty scan: scan the barcode again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scan holds unreadable characters: scan the barcode again.</source>
        <translation>The scan holds unreadable characters: scan the barcode again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown command barcode %1: use the command sheet.</source>
        <translation>Unknown command barcode %1: use the command sheet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode %1 was misread (wrong check digit): scan it again.</source>
        <translation>Barcode %1 was misread (wrong check digit): scan it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel code %1 was misread (wrong check digit): scan it again.</source>
        <translation>Parcel code %1 was misread (wrong check digit): scan it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GS1 barcode %1 not understood: scan it again.</source>
        <translation>GS1 barcode %1 not understood: scan it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This GS1 barcode has no product code: scan the product&apos;s barcode.</source>
        <translation>This GS1 barcode has no product code: scan the product&apos;s barcode.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barcode %1 not understood: scan it again.</source>
        <translation>Barcode %1 not understood: scan it again.</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <location line="-26"/>
        <source>Permission denied: %1 was added to the %2 group after logging in. Log out and in again.</source>
        <translation>Permission denied: %1 was added to the %2 group after logging in. Log out and in again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permission denied: %1 is not in the %2 group. An administrator runs “sudo usermod -aG %2 %1”, then log in again.</source>
        <translation>Permission denied: %1 is not in the %2 group. An administrator runs “sudo usermod -aG %2 %1”, then log in again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another program holds this scanner (another Quai station, or quai scanner-test?). Close it.</source>
        <translation>Another program holds this scanner (another Quai station, or quai scanner-test?). Close it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This path is not an input device: give the scanner&apos;s /dev/input/by-id/…-event-kbd link.</source>
        <translation>This path is not an input device: give the scanner&apos;s /dev/input/by-id/…-event-kbd link.</translation>
    </message>
</context>
<context>
    <name>ScannerTest</name>
    <message>
        <location filename="../../app/gui/screens/scanner_test.py" line="+56"/>
        <source>No product, location, badge or order with this code in the station&apos;s copy.</source>
        <translation>No product, location, badge or order with this code in the station&apos;s copy.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tote</source>
        <translation>Tote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel (SSCC)</source>
        <translation>Parcel (SSCC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown code</source>
        <translation>Unknown code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misread</source>
        <translation>Misread</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan a barcode: each read shows here with what Quai makes of it.</source>
        <translation>Scan a barcode: each read shows here with what Quai makes of it.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unplugged</source>
        <translation>unplugged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be used</source>
        <translation>cannot be used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starting…</source>
        <translation>starting…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scanner test</source>
        <translation>Scanner test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details or problem</source>
        <translation>Details or problem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
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
        <location line="+19"/>
        <source>French</source>
        <translation>French</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../app/gui/texts.py" line="-46"/>
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
        <location line="+9"/>
        <source>Scanner: on-screen entry</source>
        <translation>Scanner: on-screen entry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner: ready</source>
        <translation>Scanner: ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanners: %n ready</source>
        <translation>Scanners: %n ready</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner: starting…</source>
        <translation>Scanner: starting…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner %1 unplugged: plug it back in</source>
        <translation>Scanner %1 unplugged: plug it back in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner %1 not found: check its cable</source>
        <translation>Scanner %1 not found: check its cable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner %1 cannot be used: call a supervisor</source>
        <translation>Scanner %1 cannot be used: call a supervisor</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Printer: not configured</source>
        <translation>Printer: not configured</translation>
    </message>
    <message>
        <location line="+8"/>
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
    <message>
        <location filename="../../app/gui/printer_texts.py" line="-33"/>
        <source>Printer: %1</source>
        <translation>Printer: %1</translation>
    </message>
</context>
<context>
    <name>SupervisorHome</name>
    <message>
        <location filename="../../app/gui/screens/home_supervisor.py" line="+74"/>
        <source>%n order on the floor</source>
        <translation>%n order on the floor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n orders on the floor</source>
        <translation>%n orders on the floor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test the scanners</source>
        <translation>Test the scanners</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orders by status</source>
        <translation>Orders by status</translation>
    </message>
</context>
</TS>
