<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../app/gui/console/action_bar.py" line="+49"/>
        <source>Reassign</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the orders</source>
        <translation>Cancel the orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%n order</source>
        <translation>%n order</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%n orders</source>
        <translation>%n orders</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Drag %n order onto a card</source>
        <translation>Drag %n order onto a card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag %n orders onto a card</source>
        <translation>Drag %n orders onto a card</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../app/gui/console/console_ui.py" line="+96"/>
        <source>Scan an order&apos;s label to find it, or use the screen.</source>
        <translation>Scan an order&apos;s label to find it, or use the screen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Only a supervisor can do this. Log in with a supervisor&apos;s badge.</source>
        <translation>Only a supervisor can do this. Log in with a supervisor&apos;s badge.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing was changed: the central database did not answer. Check the network, then try again. Detail: %1</source>
        <translation>Nothing was changed: the central database did not answer. Check the network, then try again. Detail: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action failed: an error in Quai, not the network. Check the list before trying again, and call support: the details are in the station&apos;s log (%1).</source>
        <translation>The action failed: an error in Quai, not the network. Check the list before trying again, and call support: the details are in the station&apos;s log (%1).</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/orders_tab.py" line="+122"/>
        <source>Tap a card, or drag onto it:</source>
        <translation>Tap a card, or drag onto it:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag ✥ onto a card to reassign</source>
        <translation>Drag ✥ onto a card to reassign</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Tap orders first.</source>
        <translation>Tap orders first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap “%1” first.</source>
        <translation>Tap “%1” first.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: sending…</source>
        <translation>%1: sending…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No answer from the central database yet. The action may still be applied: check the list before trying again.</source>
        <translation>No answer from the central database yet. The action may still be applied: check the list before trying again.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 done, %3 refused</source>
        <translation>%1: %2 done, %3 refused</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/console.py" line="+205"/>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPIs</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The console is for supervisors only. Log out, then log in with a supervisor&apos;s badge and PIN.</source>
        <translation>The console is for supervisors only. Log out, then log in with a supervisor&apos;s badge and PIN.</translation>
    </message>
</context>
<context>
    <name>ConsoleOverview</name>
    <message>
        <location filename="../../app/gui/console/overview_texts.py" line="+118"/>
        <source>Packing check</source>
        <translation>Packing check</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_panel.py" line="+209"/>
        <source>Exceptions (%1)</source>
        <translation>Exceptions (%1)</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_texts.py" line="-16"/>
        <source>Short pick</source>
        <translation>Short pick</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown SKU</source>
        <translation>Unknown SKU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exception</source>
        <translation>Exception</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_panel.py" line="+4"/>
        <source>Not updated: %1</source>
        <translation>Not updated: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Carrier cutoffs</source>
        <translation>Carrier cutoffs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stations</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_tiles.py" line="+146"/>
        <source>Backlog</source>
        <translation>Backlog</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_texts.py" line="-65"/>
        <source>To prepare: %1</source>
        <translation>To prepare: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 late</source>
        <translation>%1 late</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no scan yet</source>
        <translation>no scan yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>active now</source>
        <translation>active now</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>passed by %1</source>
        <translation>passed by %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>last scan %1 min ago</source>
        <translation>last scan %1 min ago</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last scan %1 h %2 ago</source>
        <translation>last scan %1 h %2 ago</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>location empty</source>
        <translation>location empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged</source>
        <translation>damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>wrong product %1</source>
        <translation>wrong product %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one unit too many of %1</source>
        <translation>one unit too many of %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong lot of %1</source>
        <translation>wrong lot of %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial %1 scanned twice</source>
        <translation>serial %1 scanned twice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>weight %1 g, expected %2 g</source>
        <translation>weight %1 g, expected %2 g</translation>
    </message>
</context>
<context>
    <name>Dock</name>
    <message>
        <location filename="../../app/gui/dock_texts.py" line="+28"/>
        <source>Click &amp; collect (shop)</source>
        <translation>Click &amp; collect (shop)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no carrier</source>
        <translation>no carrier</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the pallet of {order}</source>
        <translation>the pallet of {order}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parcel {n} of {order}</source>
        <translation>parcel {n} of {order}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pallet of {order} handed over, with its {count} cartons</source>
        <translation>Pallet of {order} handed over, with its {count} cartons</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parcel {n} of {order} handed over</source>
        <translation>Parcel {n} of {order} handed over</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>order shipped</source>
        <translation>order shipped</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>{left} more to come</source>
        <translation>{left} more to come</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Already handed over at {time}: {what}. Nothing to do.</source>
        <translation>Already handed over at {time}: {what}. Nothing to do.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is not a parcel label: scan the SSCC barcode, (00) under the bars.</source>
        <translation>This is not a parcel label: scan the SSCC barcode, (00) under the bars.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown parcel {sscc}: it was not packed here, or the station is not in sync. Put it aside and tell your supervisor.</source>
        <translation>Unknown parcel {sscc}: it was not packed here, or the station is not in sync. Put it aside and tell your supervisor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is on hold ({reason}): this parcel must not leave. Put it aside.</source>
        <translation>Order {order} is on hold ({reason}): this parcel must not leave. Put it aside.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} is in exception ({reason}): this parcel must not leave. Put it aside.</source>
        <translation>Order {order} is in exception ({reason}): this parcel must not leave. Put it aside.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} was cancelled: this parcel must not leave. Put it aside.</source>
        <translation>Order {order} was cancelled: this parcel must not leave. Put it aside.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is not ready to ship: take this parcel back to the packing bench.</source>
        <translation>Order {order} is not ready to ship: take this parcel back to the packing bench.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcel {seq} of {order} is not closed: take it back to the packing bench.</source>
        <translation>Parcel {seq} of {order} is not closed: take it back to the packing bench.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong carrier: this parcel of {order} goes with {carrier}, not {dock}. Keep it for its own carrier.</source>
        <translation>Wrong carrier: this parcel of {order} goes with {carrier}, not {dock}. Keep it for its own carrier.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This parcel cannot be handed over: put it aside and tell your supervisor.</source>
        <translation>This parcel cannot be handed over: put it aside and tell your supervisor.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station could not record this scan ({error}). Scan the parcel again.</source>
        <translation>The station could not record this scan ({error}). Scan the parcel again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>pallet</source>
        <translation>pallet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>on hold</source>
        <translation>on hold</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in exception</source>
        <translation>in exception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PUT ASIDE: {line} — order {status}{reason}</source>
        <translation>PUT ASIDE: {line} — order {status}{reason}</translation>
    </message>
    <message>
        <location filename="../../app/gui/dock_ui.py" line="+180"/>
        <source>Answer on the screen first: close the day, or go back to the scans.</source>
        <translation>Answer on the screen first: close the day, or go back to the scans.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the carrier on the screen first, then scan its parcels.</source>
        <translation>Choose the carrier on the screen first, then scan its parcels.</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Day closed. Manifest saved in {folder}: {pdf} and {csv}.</source>
        <translation>Day closed. Manifest saved in {folder}: {pdf} and {csv}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the documents printer.</source>
        <translation>Sent to the documents printer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not printed ({error}): print the PDF from that folder.</source>
        <translation>Not printed ({error}): print the PDF from that folder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no documents printer</source>
        <translation>no documents printer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The day could not be closed ({error}). Try again; if it fails again, tell your supervisor.</source>
        <translation>The day could not be closed ({error}). Try again; if it fails again, tell your supervisor.</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/dock.py" line="+203"/>
        <source>Scan each parcel as the courier takes it.</source>
        <translation>Scan each parcel as the courier takes it.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{expected} expected · {shipped} handed over</source>
        <translation>{expected} expected · {shipped} handed over</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading: {carrier}</source>
        <translation>Loading: {carrier}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Handed over today ({n})</source>
        <translation>Handed over today ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still expected ({n})</source>
        <translation>Still expected ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} to put aside</source>
        <translation>{n} to put aside</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close the day for {carrier}?</source>
        <translation>Close the day for {carrier}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} parcel(s) expected have not been handed over: find them before closing, or close anyway and they are listed as missing on the manifest.</source>
        <translation>{n} parcel(s) expected have not been handed over: find them before closing, or close anyway and they are listed as missing on the manifest.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close anyway</source>
        <translation>Close anyway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No parcel is missing.</source>
        <translation>No parcel is missing.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Handed over: {parcels} parcel(s), {kg} kg. The manifest is printed and saved as PDF and CSV.</source>
        <translation>Handed over: {parcels} parcel(s), {kg} kg. The manifest is printed and saved as PDF and CSV.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shipping dock</source>
        <translation>Shipping dock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which carrier is at the dock?</source>
        <translation>Which carrier is at the dock?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change carrier</source>
        <translation>Change carrier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the scans</source>
        <translation>Back to the scans</translation>
    </message>
</context>
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
    <name>KpiCharts</name>
    <message>
        <location filename="../../app/gui/console/kpi_charts.py" line="+76"/>
        <source>Units per hour, by picker</source>
        <translation>Units per hour, by picker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units per hour: no pick yet</source>
        <translation>Units per hour: no pick yet</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Others</source>
        <translation>Others</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../app/gui/console/kpi_texts.py" line="+34"/>
        <source>yesterday %1</source>
        <translation>yesterday %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/kpi_panel.py" line="+173"/>
        <source>Nothing to export yet: wait for the figures, then try again.</source>
        <translation>Nothing to export yet: wait for the figures, then try again.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 CSV files written to %2</source>
        <translation>%1 CSV files written to %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The CSV files could not be written ({error}). Check the folder and the disk, then try again.</source>
        <translation>The CSV files could not be written ({error}). Check the folder and the disk, then try again.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today, shipped</source>
        <translation>Due today, shipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units picked per hour</source>
        <translation>Units picked per hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing errors</source>
        <translation>Packing errors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped complete</source>
        <translation>Shipped complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return rate</source>
        <translation>Return rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import to shipped</source>
        <translation>Import to shipped</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day of %1</source>
        <translation>Day of %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 shipped today in all</source>
        <translation>%1 shipped today in all</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per picker, %1 units by %2 pickers</source>
        <translation>per picker, %1 units by %2 pickers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no pick yet today</source>
        <translation>no pick yet today</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no order packed today</source>
        <translation>no order packed today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 errors for %2 orders packed</source>
        <translation>%1 errors for %2 orders packed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no order shipped today</source>
        <translation>no order shipped today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 shipped orders, no line short</source>
        <translation>%1 of %2 shipped orders, no line short</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no return recorded yet: returns come from the returns station</source>
        <translation>no return recorded yet: returns come from the returns station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing shipped in %1 days</source>
        <translation>nothing shipped in %1 days</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 returned of %2 shipped in %3 days</source>
        <translation>%1 returned of %2 shipped in %3 days</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no imported order shipped today</source>
        <translation>no imported order shipped today</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>median; mean %1 h over %2 orders</source>
        <translation>median; mean %1 h over %2 orders</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The figures could not be read ({error}). They will be read again in a minute, or tap Refresh.</source>
        <translation>The figures could not be read ({error}). They will be read again in a minute, or tap Refresh.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the figures…</source>
        <translation>Reading the figures…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Updated at %1</source>
        <translation>Updated at %1</translation>
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
    <name>LostWork</name>
    <message>
        <location filename="../../app/gui/texts.py" line="+197"/>
        <source>Order %1 cancelled</source>
        <translation>Order %1 cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 deleted from the central database</source>
        <translation>Order %1 deleted from the central database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 reassigned to %2 by a supervisor</source>
        <translation>Order %1 reassigned to %2 by a supervisor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1 put on hold by a supervisor</source>
        <translation>Order %1 put on hold by a supervisor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 released by a supervisor</source>
        <translation>Order %1 released by a supervisor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 taken over by %2</source>
        <translation>Order %1 taken over by %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1 released</source>
        <translation>Order %1 released</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>put back in stock the items already picked: %1.</source>
        <translation>put back in stock the items already picked: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was picked, nothing to put back in stock.</source>
        <translation>nothing was picked, nothing to put back in stock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>put its items back in their tote and set it aside.</source>
        <translation>put its items back in their tote and set it aside.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set its tote %1 aside, nothing to undo.</source>
        <translation>set its tote %1 aside, nothing to undo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set its tote aside, nothing to undo.</source>
        <translation>set its tote aside, nothing to undo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The other orders of the batch go on.</source>
        <translation>The other orders of the batch go on.</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <location line="-179"/>
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
        <location line="+115"/>
        <source>no cutoff</source>
        <translation>no cutoff</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>today %1</source>
        <translation>today %1</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../app/gui/console/orders_columns.py" line="+38"/>
        <source>Click &amp; collect</source>
        <translation>Click &amp; collect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No carrier</source>
        <translation>No carrier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutoff</source>
        <translation>Cutoff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prio.</source>
        <translation>Prio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>Carrier</translation>
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
    <message>
        <location line="+1"/>
        <source>Station / reason</source>
        <translation>Station / reason</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>selected</source>
        <translation>selected</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not selected</source>
        <translation>not selected</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <location filename="../../app/gui/console/orders_panel.py" line="+336"/>
        <source>Search: order, customer, city, e-mail</source>
        <translation>Search: order, customer, city, e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority:</source>
        <translation>Priority:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Priority %1 and more</source>
        <translation>Priority %1 and more</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unselect all</source>
        <translation>Unselect all</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%n order</source>
        <translation>%n order</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%n orders</source>
        <translation>%n orders</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The list could not be read ({error}). Change a filter to try again.</source>
        <translation>The list could not be read ({error}). Change a filter to try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%n order selected</source>
        <translation>%n order selected</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%n orders selected</source>
        <translation>%n orders selected</translation>
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
    <name>OverrideDialog</name>
    <message>
        <location filename="../../app/gui/screens/override_dialog.py" line="+217"/>
        <source>Supervisor: let the weight through</source>
        <translation>Supervisor: let the weight through</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor: close without every unit verified</source>
        <translation>Supervisor: close without every unit verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor badge (scan it)</source>
        <translation>Supervisor badge (scan it)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other reason (type it)</source>
        <translation>Other reason (type it)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge number</source>
        <translation>Badge number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm override</source>
        <translation>Confirm override</translation>
    </message>
</context>
<context>
    <name>Pack</name>
    <message>
        <location filename="../../app/gui/pack_texts.py" line="+36"/>
        <source>Wrong product: {got} is not in this order. Put it aside.</source>
        <translation>Wrong product: {got} is not in this order. Put it aside.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra unit: every {sku} of this order is already verified. Take it out of the parcel.</source>
        <translation>Extra unit: every {sku} of this order is already verified. Take it out of the parcel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong lot: {lot} was not picked for this order (picked: {picked}). Check the unit.</source>
        <translation>Wrong lot: {lot} was not picked for this order (picked: {picked}). Check the unit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This product is tracked by lot: scan its GS1 barcode with the lot, not the plain EAN.</source>
        <translation>This product is tracked by lot: scan its GS1 barcode with the lot, not the plain EAN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the serial number of this unit first.</source>
        <translation>Scan the serial number of this unit first.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number {serial} is already captured: scan the serial of this unit.</source>
        <translation>Serial number {serial} is already captured: scan the serial of this unit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is not a serial number: scan the serial barcode of the unit.</source>
        <translation>That is not a serial number: scan the serial barcode of the unit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown box {box}: scan a box barcode from the box list, or tap a box on the screen.</source>
        <translation>Unknown box {box}: scan a box barcode from the box list, or tap a box on the screen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box {box} is too small for these items: take a larger box.</source>
        <translation>Box {box} is too small for these items: take a larger box.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box {box} carries at most {max}, these items weigh {weight}: take a stronger box.</source>
        <translation>Box {box} carries at most {max}, these items weigh {weight}: take a stronger box.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scale is not stable: let the parcel settle.</source>
        <translation>The scale is not stable: let the parcel settle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight {grams} expected {expected} ±{tolerance}: check the parcel again.</source>
        <translation>Weight {grams} expected {expected} ±{tolerance}: check the parcel again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That weight is not possible: weigh the parcel again.</source>
        <translation>That weight is not possible: weigh the parcel again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station must weigh on its scale: put the parcel on the scale.</source>
        <translation>This station must weigh on its scale: put the parcel on the scale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not every unit is verified: scan the remaining units, or ask a supervisor.</source>
        <translation>Not every unit is verified: scan the remaining units, or ask a supervisor.</translation>
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
        <source>Nothing to undo.</source>
        <translation>Nothing to undo.</translation>
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
        <source>This badge is not a supervisor&apos;s: a supervisor must scan their own badge.</source>
        <translation>This badge is not a supervisor&apos;s: a supervisor must scan their own badge.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give a reason for the override.</source>
        <translation>Give a reason for the override.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This parcel is empty: put units in it first.</source>
        <translation>This parcel is empty: put units in it first.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now: follow the step on the screen.</source>
        <translation>Not now: follow the step on the screen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is already closed.</source>
        <translation>This order is already closed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the box of this parcel first: scan the box barcode.</source>
        <translation>Confirm the box of this parcel first: scan the box barcode.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order}: scan every unit.</source>
        <translation>Order {order}: scan every unit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Box {box} confirmed.</source>
        <translation>Box {box} confirmed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel} opened.</source>
        <translation>Parcel {parcel} opened.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight OK.</source>
        <translation>Weight OK.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight accepted by a supervisor.</source>
        <translation>Weight accepted by a supervisor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification completed by a supervisor.</source>
        <translation>Verification completed by a supervisor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the parcel&apos;s units again.</source>
        <translation>Scan the parcel&apos;s units again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing cancelled.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last action undone.</source>
        <translation>Last action undone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} packed.</source>
        <translation>Order {order} packed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing cancelled: take the tote back.</source>
        <translation>Packing cancelled: take the tote back.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lot {lot}: more units than were picked for this order. Put the extra unit aside.</source>
        <translation>Lot {lot}: more units than were picked for this order. Put the extra unit aside.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Click &amp; collect</source>
        <translation>Click &amp; collect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carrier to choose</source>
        <translation>Carrier to choose</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Home delivery</source>
        <translation>Home delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay point</source>
        <translation>Relay point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pickup in store</source>
        <translation>Pickup in store</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gift message card</source>
        <translation>Gift message card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gift wrap</source>
        <translation>Gift wrap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome insert (first order)</source>
        <translation>Welcome insert (first order)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Barcode unreadable</source>
        <translation>Barcode unreadable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product relabelled</source>
        <translation>Product relabelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalogue weight wrong</source>
        <translation>Catalogue weight wrong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer agreed</source>
        <translation>Customer agreed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No order is waiting to be packed right now.</source>
        <translation>No order is waiting to be packed right now.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order {order} is being handled at station {station}.</source>
        <translation>Order {order} is being handled at station {station}.</translation>
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
        <location line="+16"/>
        <source>Order {order} cannot be packed now (status: {status}).</source>
        <translation>Order {order} cannot be packed now (status: {status}).</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The central database cannot be reached: no order can be reserved. Try again in a moment.</source>
        <translation>The central database cannot be reached: no order can be reserved. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Order {order} is not known at this station: check the number, or wait for the station to sync.</source>
        <translation>Order {order} is not known at this station: check the number, or wait for the station to sync.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tote {tote} holds no order waiting to be packed: scan the order number on the pick slip instead.</source>
        <translation>Tote {tote} holds no order waiting to be packed: scan the order number on the pick slip instead.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tote {tote} holds order {order}, which cannot be packed now (status: {status}).</source>
        <translation>Tote {tote} holds order {order}, which cannot be packed now (status: {status}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tote {tote} holds several orders ({orders}): scan the order number instead.</source>
        <translation>Tote {tote} holds several orders ({orders}): scan the order number instead.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick list {pick_list} is not known here: scan a tote or the order number instead.</source>
        <translation>Pick list {pick_list} is not known here: scan a tote or the order number instead.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick list {pick_list} has no order waiting to be packed: scan the next tote.</source>
        <translation>Pick list {pick_list} has no order waiting to be packed: scan the next tote.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is no order, tote or pick list known here: scan the tote or the order number.</source>
        <translation>{value} is no order, tote or pick list known here: scan the tote or the order number.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Packing could not start: {detail}. Ask a supervisor.</source>
        <translation>Packing could not start: {detail}. Ask a supervisor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station could not save that action ({detail}): do it again. If it persists, ask a supervisor.</source>
        <translation>The station could not save that action ({detail}): do it again. If it persists, ask a supervisor.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This station has no SSCC numbers left for the labels: check its link to the central database, then tap Print. Nothing was closed.</source>
        <translation>This station has no SSCC numbers left for the labels: check its link to the central database, then tap Print. Nothing was closed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order could not be closed ({detail}): tap Print to try again. If it persists, ask a supervisor.</source>
        <translation>The order could not be closed ({detail}): tap Print to try again. If it persists, ask a supervisor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The order is closed but its label did not print ({detail}): reprint it from the done screen, or ask a supervisor.</source>
        <translation>The order is closed but its label did not print ({detail}): reprint it from the done screen, or ask a supervisor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No printer is configured at this station: the label was not printed. Ask a supervisor.</source>
        <translation>No printer is configured at this station: the label was not printed. Ask a supervisor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order {order} was closed but its label had not printed when the station stopped: it prints now. Stick it on its parcel.</source>
        <translation>Order {order} was closed but its label had not printed when the station stopped: it prints now. Stick it on its parcel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label printed again.</source>
        <translation>Label printed again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No label to reprint yet.</source>
        <translation>No label to reprint yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Badge or PIN not recognised: try again.</source>
        <translation>Badge or PIN not recognised: try again.</translation>
    </message>
    <message>
        <location filename="../../app/gui/packing_ui.py" line="+135"/>
        <source>This order is packed: tap Next order or scan Next.</source>
        <translation>This order is packed: tap Next order or scan Next.</translation>
    </message>
</context>
<context>
    <name>PackScreen</name>
    <message>
        <location filename="../../app/gui/pack_scale.py" line="+112"/>
        <source>Scale not usable ({detail}): key the weight in, and tell a supervisor.</source>
        <translation>Scale not usable ({detail}): key the weight in, and tell a supervisor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No scale: key the weight in.</source>
        <translation>No scale: key the weight in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale starting…</source>
        <translation>Scale starting…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stabilising…</source>
        <translation>Stabilising…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the parcel on the scale: its weight is taken when stable.</source>
        <translation>Put the parcel on the scale: its weight is taken when stable.</translation>
    </message>
    <message>
        <location filename="../../app/gui/packing_ui.py" line="+47"/>
        <source>Parcel %1: weighed %2, expected %3.</source>
        <translation>Parcel %1: weighed %2, expected %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 units verified.</source>
        <translation>%1 of %2 units verified.</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Label and packing slip sent to the printers. Stick the label on the parcel.</source>
        <translation>Label and packing slip sent to the printers. Stick the label on the parcel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printing the label and the packing slip…</source>
        <translation>Printing the label and the packing slip…</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/pack.py" line="+178"/>
        <source>How many more units of %1 are in the tote? (at most %2)</source>
        <translation>How many more units of %1 are in the tote? (at most %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight of parcel %1 (expected %2)</source>
        <translation>Weight of parcel %1 (expected %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel packing order %1? Everything verified is forgotten and the tote goes back to the packing queue.</source>
        <translation>Cancel packing order %1? Everything verified is forgotten and the tote goes back to the packing queue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes, cancel the pack</source>
        <translation>Yes, cancel the pack</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No, go on packing</source>
        <translation>No, go on packing</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Confirm: %1 × %2 more in this parcel?</source>
        <translation>Confirm: %1 × %2 more in this parcel?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes, %1 units</source>
        <translation>Yes, %1 units</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No, count again</source>
        <translation>No, count again</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relay point: %1</source>
        <translation>Relay point: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2 units · parcel %3 / %4</source>
        <translation>%1 / %2 units · parcel %3 / %4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan the serial number of %1</source>
        <translation>Scan the serial number of %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan every unit into the parcel</source>
        <translation>Scan every unit into the parcel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the barcode of box %1</source>
        <translation>Scan the barcode of box %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(choose one)</source>
        <translation>(choose one)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the parcel on the scale</source>
        <translation>Put the parcel on the scale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weigh the parcel and key its weight in</source>
        <translation>Weigh the parcel and key its weight in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight off: scan the parcel&apos;s units again</source>
        <translation>Weight off: scan the parcel&apos;s units again</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key in quantity</source>
        <translation>Key in quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other box</source>
        <translation>Other box</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next parcel</source>
        <translation>Next parcel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key in weight</source>
        <translation>Key in weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel pack</source>
        <translation>Cancel pack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/pack_panels.py" line="+50"/>
        <source>Tap the box you use, or scan its barcode</source>
        <translation>Tap the box you use, or scan its barcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Card: « %1 »</source>
        <translation>Card: « %1 »</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put these in the parcel, tick each one, then tap Done</source>
        <translation>Put these in the parcel, tick each one, then tap Done</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The label and the slip print in</source>
        <translation>The label and the slip print in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel printing</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printing stopped. Fix what is needed, then print (or scan Done).</source>
        <translation>Printing stopped. Fix what is needed, then print (or scan Done).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print now</source>
        <translation>Print now</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Ready for pickup in store</source>
        <translation>Ready for pickup in store</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready to ship</source>
        <translation>Ready to ship</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 · %2</source>
        <translation>Order %1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pallet</source>
        <translation>Pallet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Carton</source>
        <translation>Carton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next order</source>
        <translation>Next order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint label</source>
        <translation>Reprint label</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/pack_widgets.py" line="+205"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/pack_work.py" line="+90"/>
        <source>Lot %1</source>
        <translation>Lot %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S/N %1</source>
        <translation>S/N %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>to verify · %1 / %2</source>
        <translation>to verify · %1 / %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>verified · %1 / %2</source>
        <translation>verified · %1 / %2</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Parcel %1 / %2</source>
        <translation>Parcel %1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Box</source>
        <translation>Box</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggested box</source>
        <translation>Suggested box</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a box</source>
        <translation>Choose a box</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan its barcode, or tap “Other box”.</source>
        <translation>Scan its barcode, or tap “Other box”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighed</source>
        <translation>Weighed</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Gift message</source>
        <translation>Gift message</translation>
    </message>
</context>
<context>
    <name>PackerHome</name>
    <message>
        <location filename="../../app/gui/screens/home_packer.py" line="+46"/>
        <source>Or scan a tote or an order number</source>
        <translation>Or scan a tote or an order number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping dock</source>
        <translation>Shipping dock</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Or scan a tote or an order number to pack that order.</source>
        <translation>Or scan a tote or an order number to pack that order.</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../app/gui/console/people_panel.py" line="+157"/>
        <source>Nobody logged in</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never seen</source>
        <translation>Never seen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active now</source>
        <translation>Active now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active %1 min ago</source>
        <translation>Active %1 min ago</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Stations and people</source>
        <translation>Stations and people</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No station has synced with the central database yet.</source>
        <translation>No station has synced with the central database yet.</translation>
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
        <location filename="../../app/gui/printers_ui.py" line="+117"/>
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
    <name>PriorityDialog</name>
    <message>
        <location filename="../../app/gui/console/reason_dialog.py" line="+204"/>
        <source>Priority of %n order: higher goes first</source>
        <translation>Priority of %n order: higher goes first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority of %n orders: higher goes first</source>
        <translation>Priority of %n orders: higher goes first</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lower</source>
        <translation>Lower</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Higher</source>
        <translation>Higher</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Set the priority</source>
        <translation>Set the priority</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location line="-193"/>
        <source>Suspected fraud</source>
        <translation>Suspected fraud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment pending</source>
        <translation>Payment pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address to check</source>
        <translation>Address to check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asked to wait</source>
        <translation>Customer asked to wait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer verified</source>
        <translation>Customer verified</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payment received</source>
        <translation>Payment received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address corrected</source>
        <translation>Address corrected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer cancelled</source>
        <translation>Customer cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of stock for good</source>
        <translation>Out of stock for good</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraud confirmed</source>
        <translation>Fraud confirmed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate order</source>
        <translation>Duplicate order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station stopped</source>
        <translation>Station stopped</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Picker gone</source>
        <translation>Picker gone</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reason (tap one, or type it):</source>
        <translation>Reason (tap one, or type it):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (optional):</source>
        <translation>Reason (optional):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Other reason (type it)</source>
        <translation>Other reason (type it)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+119"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Put %n order on hold</source>
        <translation>Put %n order on hold</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put %n orders on hold</source>
        <translation>Put %n orders on hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release %n order from hold</source>
        <translation>Release %n order from hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release %n orders from hold</source>
        <translation>Release %n orders from hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel %n order? This cannot be undone.</source>
        <translation>Cancel %n order? This cannot be undone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel %n orders? This cannot be undone.</source>
        <translation>Cancel %n orders? This cannot be undone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free %n order held by a station</source>
        <translation>Free %n order held by a station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free %n orders held by a station</source>
        <translation>Free %n orders held by a station</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Put on hold</source>
        <translation>Put on hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the orders</source>
        <translation>Cancel the orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free the orders</source>
        <translation>Free the orders</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A reason is needed: tap one or type it.</source>
        <translation>A reason is needed: tap one or type it.</translation>
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
        <location filename="../../app/gui/texts.py" line="-157"/>
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
    <name>Scale</name>
    <message>
        <location filename="../../app/gui/scale_hub.py" line="+120"/>
        <source>Scale: starting…</source>
        <translation>Scale: starting…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: ready</source>
        <translation>Scale: ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale unplugged: plug it back in</source>
        <translation>Scale unplugged: plug it back in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: not found</source>
        <translation>Scale: not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: cannot be opened</source>
        <translation>Scale: cannot be opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: not answering</source>
        <translation>Scale: not answering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: none (weight keyed in)</source>
        <translation>Scale: none (weight keyed in)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: overloaded</source>
        <translation>Scale: overloaded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: below zero</source>
        <translation>Scale: below zero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: busy</source>
        <translation>Scale: busy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale: settings to check</source>
        <translation>Scale: settings to check</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="+275"/>
        <source>Log in first: scan your badge.</source>
        <extracomment>A sync cycle pulled central changes into the replica (rows written): the console&apos;s live views (app.gui.console.live) read it again. Emitted in the GUI thread.</extracomment>
        <translation>Log in first: scan your badge.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose your role on the screen, or tap “Not me”.</source>
        <translation>Choose your role on the screen, or tap “Not me”.</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location filename="../../app/gui/status_area.py" line="+118"/>
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
        <location line="+2"/>
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
    <name>SupervisionRefusal</name>
    <message>
        <location filename="../../app/gui/console/refusal_texts.py" line="+21"/>
        <source>This order is not in the central database.</source>
        <translation>This order is not in the central database.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order has shipped already.</source>
        <translation>This order has shipped already.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is cancelled already.</source>
        <translation>This order is cancelled already.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shipped order cannot be cancelled.</source>
        <translation>A shipped order cannot be cancelled.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give a reason.</source>
        <translation>Give a reason.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is held for fraud risk: give a reason to release it.</source>
        <translation>This order is held for fraud risk: give a reason to release it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is not on hold.</source>
        <translation>This order is not on hold.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is on hold already.</source>
        <translation>This order is on hold already.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order&apos;s status does not allow this.</source>
        <translation>The order&apos;s status does not allow this.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a priority from 0 to 99.</source>
        <translation>Choose a priority from 0 to 99.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order has this priority already.</source>
        <translation>The order has this priority already.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order is assigned to this station already.</source>
        <translation>The order is assigned to this station already.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a station or a person.</source>
        <translation>Choose a station or a person.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No station holds this order: nothing to release.</source>
        <translation>No station holds this order: nothing to release.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station is not known to the central database.</source>
        <translation>This station is not known to the central database.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No active user has this badge.</source>
        <translation>No active user has this badge.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station does not take orders at this step: choose a picking station for an order to pick, a packing station for an order to pack.</source>
        <translation>This station does not take orders at this step: choose a picking station for an order to pick, a packing station for an order to pack.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This person is not logged in at any station: choose a station.</source>
        <translation>This person is not logged in at any station: choose a station.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a supervisor can do this. Log in with a supervisor&apos;s badge.</source>
        <translation>Only a supervisor can do this. Log in with a supervisor&apos;s badge.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account is deactivated. Ask an administrator.</source>
        <translation>This account is deactivated. Ask an administrator.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge or PIN not recognised. Try again.</source>
        <translation>Badge or PIN not recognised. Try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This console may not change orders: add it with quai central add-station --supervisor.</source>
        <translation>This console may not change orders: add it with quai central add-station --supervisor.</translation>
    </message>
</context>
<context>
    <name>SupervisorHome</name>
    <message>
        <location filename="../../app/gui/screens/home_supervisor.py" line="+87"/>
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
        <location line="+1"/>
        <source>Shipping dock</source>
        <translation>Shipping dock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orders by status</source>
        <translation>Orders by status</translation>
    </message>
</context>
<context>
    <name>SupervisorPin</name>
    <message>
        <location filename="../../app/gui/screens/supervisor_pin.py" line="+158"/>
        <source>Too many wrong PINs. Wait %1 s, then try again (or ask another supervisor).</source>
        <translation>Too many wrong PINs. Wait %1 s, then try again (or ask another supervisor).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hello %1</source>
        <translation>Hello %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor: type your PIN on the keys, then OK.</source>
        <translation>Supervisor: type your PIN on the keys, then OK.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not me: back to badge scan</source>
        <translation>Not me: back to badge scan</translation>
    </message>
    <message>
        <location filename="../../app/gui/supervisor_access.py" line="+71"/>
        <source>Type your PIN on the screen&apos;s keys, or tap “Not me”.</source>
        <translation>Type your PIN on the screen&apos;s keys, or tap “Not me”.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The PIN could not be checked: the station cannot read its local database. Try again, or ask for help. Detail: %1</source>
        <translation>The PIN could not be checked: the station cannot read its local database. Try again, or ask for help. Detail: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No PIN is set for this badge. Ask an administrator to give you one.</source>
        <translation>No PIN is set for this badge. Ask an administrator to give you one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is deactivated. Ask an administrator.</source>
        <translation>This account is deactivated. Ask an administrator.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This badge is not a supervisor&apos;s: the console is for supervisors only.</source>
        <translation>This badge is not a supervisor&apos;s: the console is for supervisors only.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wrong PIN. %n try left.</source>
        <translation>Wrong PIN. %n try left.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PIN. %n tries left.</source>
        <translation>Wrong PIN. %n tries left.</translation>
    </message>
</context>
</TS>
