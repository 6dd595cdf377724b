<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../app/gui/console/action_bar.py" line="+49"/>
        <source>Reassign</source>
        <translation>Réaffecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Hold</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the orders</source>
        <translation>Annuler les commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free</source>
        <translation>Libérer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%n order</source>
        <translation>%n commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%n orders</source>
        <translation>%n commandes</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Drag %n order onto a card</source>
        <translation>Faites glisser %n commande sur une carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag %n orders onto a card</source>
        <translation>Faites glisser %n commandes sur une carte</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../app/gui/console/console_ui.py" line="+96"/>
        <source>Scan an order&apos;s label to find it, or use the screen.</source>
        <translation>Scannez l&apos;étiquette d&apos;une commande pour la trouver, ou utilisez l&apos;écran.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Only a supervisor can do this. Log in with a supervisor&apos;s badge.</source>
        <translation>Seul un superviseur peut faire cela. Connectez-vous avec un badge de superviseur.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing was changed: the central database did not answer. Check the network, then try again. Detail: %1</source>
        <translation>Rien n&apos;a été modifié : la base centrale n&apos;a pas répondu. Vérifiez le réseau, puis réessayez. Détail : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action failed: an error in Quai, not the network. Check the list before trying again, and call support: the details are in the station&apos;s log (%1).</source>
        <translation>L&apos;action a échoué : une erreur dans Quai, pas le réseau. Vérifiez la liste avant de réessayer, et appelez le support : le détail est dans le journal du poste (%1).</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/orders_tab.py" line="+122"/>
        <source>Tap a card, or drag onto it:</source>
        <translation>Touchez ou glissez sur une carte :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag ✥ onto a card to reassign</source>
        <translation>Glissez ✥ sur une carte pour réaffecter</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Tap orders first.</source>
        <translation>Touchez d&apos;abord des commandes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap “%1” first.</source>
        <translation>Touchez d&apos;abord «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: sending…</source>
        <translation>%1 : envoi…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No answer from the central database yet. The action may still be applied: check the list before trying again.</source>
        <translation>Toujours pas de réponse de la base centrale. L&apos;action peut encore s&apos;appliquer : vérifiez la liste avant de réessayer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 done, %3 refused</source>
        <translation>%1 : %2 faite(s), %3 refusée(s)</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/console.py" line="+205"/>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPIs</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The console is for supervisors only. Log out, then log in with a supervisor&apos;s badge and PIN.</source>
        <translation>La console est réservée aux superviseurs. Déconnectez-vous, puis connectez-vous avec le badge et le code PIN d&apos;un superviseur.</translation>
    </message>
</context>
<context>
    <name>ConsoleOverview</name>
    <message>
        <location filename="../../app/gui/console/overview_texts.py" line="+118"/>
        <source>Packing check</source>
        <translation>Contrôle emballage</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_panel.py" line="+209"/>
        <source>Exceptions (%1)</source>
        <translation>Anomalies (%1)</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_texts.py" line="-16"/>
        <source>Short pick</source>
        <translation>Prélèvement incomplet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown SKU</source>
        <translation>SKU inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exception</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_panel.py" line="+4"/>
        <source>Not updated: %1</source>
        <translation>Pas à jour : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Updated %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Carrier cutoffs</source>
        <translation>Heures limites des transporteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stations</source>
        <translation>Postes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exceptions</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_tiles.py" line="+146"/>
        <source>Backlog</source>
        <translation>En retard ou du jour</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/overview_texts.py" line="-65"/>
        <source>To prepare: %1</source>
        <translation>À préparer : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 late</source>
        <translation>%1 en retard</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no scan yet</source>
        <translation>aucun scan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>active now</source>
        <translation>actif en ce moment</translation>
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
        <translation>dépassée de %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>last scan %1 min ago</source>
        <translation>dernier scan il y a %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last scan %1 h %2 ago</source>
        <translation>dernier scan il y a %1 h %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>location empty</source>
        <translation>emplacement vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged</source>
        <translation>abîmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>wrong product %1</source>
        <translation>mauvais produit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one unit too many of %1</source>
        <translation>une unité de trop de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong lot of %1</source>
        <translation>mauvais lot de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial %1 scanned twice</source>
        <translation>n° de série %1 scanné deux fois</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>weight %1 g, expected %2 g</source>
        <translation>poids %1 g, attendu %2 g</translation>
    </message>
</context>
<context>
    <name>Dock</name>
    <message>
        <location filename="../../app/gui/dock_texts.py" line="+28"/>
        <source>Click &amp; collect (shop)</source>
        <translation>Click &amp; collect (magasin)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no carrier</source>
        <translation>aucun transporteur</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the pallet of {order}</source>
        <translation>la palette de {order}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parcel {n} of {order}</source>
        <translation>colis {n} de {order}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pallet of {order} handed over, with its {count} cartons</source>
        <translation>Palette de {order} remise, avec ses {count} cartons</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parcel {n} of {order} handed over</source>
        <translation>Colis {n} de {order} remis</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>order shipped</source>
        <translation>commande expédiée</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>{left} more to come</source>
        <translation>encore {left} à remettre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Already handed over at {time}: {what}. Nothing to do.</source>
        <translation>Déjà remis à {time} : {what}. Rien à faire.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is not a parcel label: scan the SSCC barcode, (00) under the bars.</source>
        <translation>Ce n&apos;est pas une étiquette de colis : scannez le code-barres SSCC, (00) sous les barres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown parcel {sscc}: it was not packed here, or the station is not in sync. Put it aside and tell your supervisor.</source>
        <translation>Colis inconnu {sscc} : il n&apos;a pas été emballé ici, ou le poste n&apos;est pas à jour. Mettez-le de côté et prévenez votre responsable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is on hold ({reason}): this parcel must not leave. Put it aside.</source>
        <translation>La commande {order} est bloquée ({reason}) : ce colis ne doit pas partir. Mettez-le de côté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} is in exception ({reason}): this parcel must not leave. Put it aside.</source>
        <translation>La commande {order} est en anomalie ({reason}) : ce colis ne doit pas partir. Mettez-le de côté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} was cancelled: this parcel must not leave. Put it aside.</source>
        <translation>La commande {order} a été annulée : ce colis ne doit pas partir. Mettez-le de côté.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is not ready to ship: take this parcel back to the packing bench.</source>
        <translation>La commande {order} n&apos;est pas prête à expédier : rapportez ce colis au poste d&apos;emballage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcel {seq} of {order} is not closed: take it back to the packing bench.</source>
        <translation>Le colis {seq} de {order} n&apos;est pas fermé : rapportez-le au poste d&apos;emballage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong carrier: this parcel of {order} goes with {carrier}, not {dock}. Keep it for its own carrier.</source>
        <translation>Mauvais transporteur : ce colis de {order} part avec {carrier}, pas {dock}. Gardez-le pour son transporteur.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no reason given</source>
        <translation>sans motif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This parcel cannot be handed over: put it aside and tell your supervisor.</source>
        <translation>Ce colis ne peut pas être remis : mettez-le de côté et prévenez votre responsable.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station could not record this scan ({error}). Scan the parcel again.</source>
        <translation>Le poste n&apos;a pas pu enregistrer ce scan ({error}). Scannez le colis à nouveau.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>pallet</source>
        <translation>palette</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>on hold</source>
        <translation>bloquée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in exception</source>
        <translation>en anomalie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PUT ASIDE: {line} — order {status}{reason}</source>
        <translation>À METTRE DE CÔTÉ : {line} — commande {status}{reason}</translation>
    </message>
    <message>
        <location filename="../../app/gui/dock_ui.py" line="+180"/>
        <source>Answer on the screen first: close the day, or go back to the scans.</source>
        <translation>Répondez d&apos;abord à l&apos;écran : clôturez la journée, ou revenez aux scans.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the carrier on the screen first, then scan its parcels.</source>
        <translation>Choisissez d&apos;abord le transporteur à l&apos;écran, puis scannez ses colis.</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Day closed. Manifest saved in {folder}: {pdf} and {csv}.</source>
        <translation>Journée clôturée. Bordereau enregistré dans {folder} : {pdf} et {csv}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the documents printer.</source>
        <translation>Envoyé à l&apos;imprimante de documents.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not printed ({error}): print the PDF from that folder.</source>
        <translation>Non imprimé ({error}) : imprimez le PDF depuis ce dossier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no documents printer</source>
        <translation>pas d&apos;imprimante de documents</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The day could not be closed ({error}). Try again; if it fails again, tell your supervisor.</source>
        <translation>La journée n&apos;a pas pu être clôturée ({error}). Réessayez ; si cela échoue encore, prévenez votre responsable.</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/dock.py" line="+203"/>
        <source>Scan each parcel as the courier takes it.</source>
        <translation>Scannez chaque colis quand le transporteur le prend.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{expected} expected · {shipped} handed over</source>
        <translation>{expected} attendus · {shipped} remis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading: {carrier}</source>
        <translation>Chargement : {carrier}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Handed over today ({n})</source>
        <translation>Remis aujourd&apos;hui ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still expected ({n})</source>
        <translation>Encore attendus ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} to put aside</source>
        <translation>{n} à mettre de côté</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close the day for {carrier}?</source>
        <translation>Clôturer la journée {carrier} ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} parcel(s) expected have not been handed over: find them before closing, or close anyway and they are listed as missing on the manifest.</source>
        <translation>{n} colis attendu(s) n&apos;ont pas été remis : retrouvez-les avant de clôturer, ou clôturez quand même et ils figurent comme manquants sur le bordereau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close anyway</source>
        <translation>Clôturer quand même</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No parcel is missing.</source>
        <translation>Aucun colis manquant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Close the day</source>
        <translation>Clôturer la journée</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Handed over: {parcels} parcel(s), {kg} kg. The manifest is printed and saved as PDF and CSV.</source>
        <translation>Remis : {parcels} colis, {kg} kg. Le bordereau est imprimé et enregistré en PDF et en CSV.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shipping dock</source>
        <translation>Quai d&apos;expédition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which carrier is at the dock?</source>
        <translation>Quel transporteur est au quai ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change carrier</source>
        <translation>Changer de transporteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the scans</source>
        <translation>Revenir aux scans</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../app/gui/feedback.py" line="+185"/>
        <source>Scan or tap here to continue</source>
        <translation>Scannez ou touchez ici pour continuer</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../app/gui/screens/home_base.py" line="+110"/>
        <source>Hello %1</source>
        <translation>Bonjour %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read the orders from the station database: %1. Tap Refresh; if it persists, ask a supervisor.</source>
        <translation>Impossible de lire les commandes dans la base du poste : %1. Touchez Actualiser ; si le problème persiste, demandez à un responsable.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the orders…</source>
        <translation>Chargement des commandes…</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../app/gui/screens/keypad.py" line="+89"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>KpiCharts</name>
    <message>
        <location filename="../../app/gui/console/kpi_charts.py" line="+76"/>
        <source>Units per hour, by picker</source>
        <translation>Unités par heure, par préparateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units per hour: no pick yet</source>
        <translation>Unités par heure : aucun prélèvement</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Others</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../app/gui/console/kpi_texts.py" line="+34"/>
        <source>yesterday %1</source>
        <translation>hier %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/console/kpi_panel.py" line="+173"/>
        <source>Nothing to export yet: wait for the figures, then try again.</source>
        <translation>Rien à exporter pour l&apos;instant : attendez les chiffres, puis réessayez.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 CSV files written to %2</source>
        <translation>%1 fichiers CSV écrits dans %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The CSV files could not be written ({error}). Check the folder and the disk, then try again.</source>
        <translation>Les fichiers CSV n&apos;ont pas pu être écrits ({error}). Vérifiez le dossier et le disque, puis réessayez.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV</source>
        <translation>Exporter CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today, shipped</source>
        <translation>Dues aujourd&apos;hui, expédiées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units picked per hour</source>
        <translation>Unités prélevées par heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing errors</source>
        <translation>Erreurs à l&apos;emballage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped complete</source>
        <translation>Expédiées complètes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return rate</source>
        <translation>Taux de retour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import to shipped</source>
        <translation>De l&apos;import à l&apos;expédition</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Today, %1</source>
        <translation>Aujourd&apos;hui, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day of %1</source>
        <translation>Journée du %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no data</source>
        <translation>pas de données</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 shipped today in all</source>
        <translation>%1 expédiées aujourd&apos;hui en tout</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per picker, %1 units by %2 pickers</source>
        <translation>par préparateur ; %1 unités par %2 préparateurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no pick yet today</source>
        <translation>aucun prélèvement aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no order packed today</source>
        <translation>aucune commande emballée aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 errors for %2 orders packed</source>
        <translation>%1 erreurs pour %2 commandes emballées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no order shipped today</source>
        <translation>aucune commande expédiée aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 shipped orders, no line short</source>
        <translation>%1 des %2 commandes expédiées sans ligne manquante</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no return recorded yet: returns come from the returns station</source>
        <translation>aucun retour enregistré : ils viennent du poste retours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing shipped in %1 days</source>
        <translation>rien d&apos;expédié en %1 jours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 returned of %2 shipped in %3 days</source>
        <translation>%1 retournées sur %2 expédiées en %3 jours</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no imported order shipped today</source>
        <translation>aucune commande importée expédiée aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>median; mean %1 h over %2 orders</source>
        <translation>médiane ; moyenne %1 h sur %2 commandes</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The figures could not be read ({error}). They will be read again in a minute, or tap Refresh.</source>
        <translation>Les chiffres n&apos;ont pas pu être lus ({error}). Ils seront relus dans une minute, ou touchez Actualiser.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the figures…</source>
        <translation>Lecture des chiffres…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Updated at %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/gui/screens/login.py" line="+86"/>
        <source>Preparing the station…</source>
        <translation>Préparation du poste…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown badge: %1. Check the badge or ask a supervisor.</source>
        <translation>Badge inconnu : %1. Vérifiez le badge ou demandez à un responsable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Badge %1 has no role at this station. Go to a station for your role or ask a supervisor.</source>
        <translation>Le badge %1 n&apos;a aucun rôle sur ce poste. Allez sur un poste adapté à votre rôle ou demandez à un responsable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station cannot read its local database. Ask a supervisor. Detail: %1</source>
        <translation>Le poste ne peut pas lire sa base locale. Demandez à un responsable. Détail : %1</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="+52"/>
        <source>Scan your badge</source>
        <translation>Scannez votre badge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No scanner at hand? Type the badge code, then press Enter or Validate.</source>
        <translation>Pas de scanner ? Tapez le code du badge, puis appuyez sur Entrée ou Valider.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Badge code, e.g. BDG0001</source>
        <translation>Code du badge, par ex. BDG0001</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Validate</source>
        <translation>Valider</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/login.py" line="-21"/>
        <location filename="../../ui/login.ui" line="+9"/>
        <source>Checking the badge…</source>
        <translation>Vérification du badge…</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="+28"/>
        <source>OK, understood</source>
        <translation>J&apos;ai compris</translation>
    </message>
</context>
<context>
    <name>LostWork</name>
    <message>
        <location filename="../../app/gui/texts.py" line="+197"/>
        <source>Order %1 cancelled</source>
        <translation>Commande %1 annulée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 deleted from the central database</source>
        <translation>Commande %1 supprimée de la base centrale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 reassigned to %2 by a supervisor</source>
        <translation>Commande %1 réaffectée à %2 par un superviseur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1 put on hold by a supervisor</source>
        <translation>Commande %1 bloquée par un superviseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 released by a supervisor</source>
        <translation>Commande %1 libérée par un superviseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 taken over by %2</source>
        <translation>Commande %1 reprise par %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1 released</source>
        <translation>Commande %1 libérée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>put back in stock the items already picked: %1.</source>
        <translation>remettez en stock les articles déjà prélevés&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was picked, nothing to put back in stock.</source>
        <translation>rien n&apos;a été prélevé, rien à remettre en stock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>put its items back in their tote and set it aside.</source>
        <translation>remettez ses articles dans leur bac et posez-le de côté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set its tote %1 aside, nothing to undo.</source>
        <translation>posez son bac %1 de côté, rien à défaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set its tote aside, nothing to undo.</source>
        <translation>posez son bac de côté, rien à défaire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The other orders of the batch go on.</source>
        <translation>Les autres commandes du lot continuent.</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <location line="-179"/>
        <source>To pick</source>
        <translation>À préparer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting stock</source>
        <translation>En attente de stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being picked</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked</source>
        <translation>Préparées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being packed</source>
        <translation>En emballage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready to ship</source>
        <translation>Prêtes à expédier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Expédiées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold</source>
        <translation>Bloquées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception</source>
        <translation>En anomalie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <location line="+115"/>
        <source>no cutoff</source>
        <translation>sans heure limite</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>today %1</source>
        <translation>aujourd&apos;hui %1</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../app/gui/console/orders_columns.py" line="+38"/>
        <source>Click &amp; collect</source>
        <translation>Retrait en magasin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No carrier</source>
        <translation>Sans transporteur</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutoff</source>
        <translation>Limite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prio.</source>
        <translation>Prio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>Transporteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station / reason</source>
        <translation>Poste / motif</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>selected</source>
        <translation>sélectionnée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not selected</source>
        <translation>non sélectionnée</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <location filename="../../app/gui/console/orders_panel.py" line="+336"/>
        <source>Search: order, customer, city, e-mail</source>
        <translation>Rechercher : n°, client, ville, e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority:</source>
        <translation>Priorité :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Priority %1 and more</source>
        <translation>Priorité %1 et plus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unselect all</source>
        <translation>Tout désélectionner</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%n order</source>
        <translation>%n commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%n orders</source>
        <translation>%n commandes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The list could not be read ({error}). Change a filter to try again.</source>
        <translation>La liste n&apos;a pas pu être lue ({error}). Changez un filtre pour réessayer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%n order selected</source>
        <translation>%n sélectionnée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%n orders selected</source>
        <translation>%n sélectionnées</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <location filename="../../app/gui/models.py" line="+48"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutoff</source>
        <translation>Heure limite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>Articles</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../app/gui/screens/override_dialog.py" line="+217"/>
        <source>Supervisor: let the weight through</source>
        <translation>Responsable : accepter le poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor: close without every unit verified</source>
        <translation>Responsable : valider sans que tout soit vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor badge (scan it)</source>
        <translation>Badge du responsable (scannez-le)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other reason (type it)</source>
        <translation>Autre raison (saisissez-la)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge number</source>
        <translation>N° de badge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm override</source>
        <translation>Confirmer le forçage</translation>
    </message>
</context>
<context>
    <name>Pack</name>
    <message>
        <location filename="../../app/gui/pack_texts.py" line="+36"/>
        <source>Wrong product: {got} is not in this order. Put it aside.</source>
        <translation>Mauvais produit : {got} n&apos;est pas dans cette commande. Mettez-le de côté.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra unit: every {sku} of this order is already verified. Take it out of the parcel.</source>
        <translation>Article en trop : tous les {sku} de cette commande sont déjà vérifiés. Retirez-le du colis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong lot: {lot} was not picked for this order (picked: {picked}). Check the unit.</source>
        <translation>Mauvais lot : {lot} n&apos;a pas été prélevé pour cette commande (prélevé : {picked}). Vérifiez l&apos;article.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This product is tracked by lot: scan its GS1 barcode with the lot, not the plain EAN.</source>
        <translation>Ce produit est suivi par lot : scannez son code-barres GS1 avec le lot, pas l&apos;EAN seul.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the serial number of this unit first.</source>
        <translation>Scannez d&apos;abord le numéro de série de cet article.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number {serial} is already captured: scan the serial of this unit.</source>
        <translation>Le numéro de série {serial} est déjà saisi : scannez le numéro de série de cet article.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is not a serial number: scan the serial barcode of the unit.</source>
        <translation>Ce n&apos;est pas un numéro de série : scannez le code-barres du numéro de série de l&apos;article.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown box {box}: scan a box barcode from the box list, or tap a box on the screen.</source>
        <translation>Carton inconnu {box} : scannez le code-barres d&apos;un carton de la liste, ou touchez un carton à l&apos;écran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box {box} is too small for these items: take a larger box.</source>
        <translation>Le carton {box} est trop petit pour ces articles : prenez un carton plus grand.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box {box} carries at most {max}, these items weigh {weight}: take a stronger box.</source>
        <translation>Le carton {box} porte au plus {max}, ces articles pèsent {weight} : prenez un carton plus solide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scale is not stable: let the parcel settle.</source>
        <translation>La balance n&apos;est pas stable : laissez le colis se stabiliser.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight {grams} expected {expected} ±{tolerance}: check the parcel again.</source>
        <translation>Poids {grams} attendu {expected} ±{tolerance} : revérifiez le colis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That weight is not possible: weigh the parcel again.</source>
        <translation>Ce poids n&apos;est pas possible : pesez de nouveau le colis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station must weigh on its scale: put the parcel on the scale.</source>
        <translation>Ce poste doit peser sur sa balance : posez le colis sur la balance.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not every unit is verified: scan the remaining units, or ask a supervisor.</source>
        <translation>Tous les articles ne sont pas vérifiés : scannez ceux qui restent, ou appelez un responsable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The barcode was misread: scan it again.</source>
        <translation>Le code-barres a été mal lu : scannez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This scan is not expected now: follow the screen.</source>
        <translation>Ce scan n&apos;est pas attendu maintenant : suivez l&apos;écran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That quantity is not possible here.</source>
        <translation>Cette quantité n&apos;est pas possible ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A quantity can be keyed in only on large lines: scan each unit.</source>
        <translation>Une quantité ne se saisit que sur les grosses lignes : scannez chaque article.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This badge is not a supervisor&apos;s: a supervisor must scan their own badge.</source>
        <translation>Ce badge n&apos;est pas celui d&apos;un responsable : un responsable doit scanner son propre badge.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give a reason for the override.</source>
        <translation>Indiquez la raison du forçage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This parcel is empty: put units in it first.</source>
        <translation>Ce colis est vide : mettez-y d&apos;abord des articles.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now: follow the step on the screen.</source>
        <translation>Pas maintenant : suivez l&apos;étape affichée à l&apos;écran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is already closed.</source>
        <translation>Cette commande est déjà clôturée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the box of this parcel first: scan the box barcode.</source>
        <translation>Confirmez d&apos;abord le carton de ce colis : scannez le code-barres du carton.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order}: scan every unit.</source>
        <translation>Commande {order} : scannez chaque article.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Box {box} confirmed.</source>
        <translation>Carton {box} confirmé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel} opened.</source>
        <translation>Colis {parcel} ouvert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight OK.</source>
        <translation>Poids correct.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight accepted by a supervisor.</source>
        <translation>Poids accepté par un responsable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification completed by a supervisor.</source>
        <translation>Vérification validée par un responsable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the parcel&apos;s units again.</source>
        <translation>Scannez de nouveau les articles du colis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing cancelled.</source>
        <translation>Impression annulée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last action undone.</source>
        <translation>Dernière action annulée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} packed.</source>
        <translation>Commande {order} emballée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing cancelled: take the tote back.</source>
        <translation>Emballage annulé : rapportez le bac.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lot {lot}: more units than were picked for this order. Put the extra unit aside.</source>
        <translation>Lot {lot} : plus d&apos;articles que ceux prélevés pour cette commande. Mettez l&apos;article en trop de côté.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Click &amp; collect</source>
        <translation>Retrait en magasin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carrier to choose</source>
        <translation>Transporteur à choisir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Home delivery</source>
        <translation>Livraison à domicile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay point</source>
        <translation>Point relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pickup in store</source>
        <translation>Retrait en magasin</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gift message card</source>
        <translation>Carte du message cadeau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gift wrap</source>
        <translation>Emballage cadeau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome insert (first order)</source>
        <translation>Flyer de bienvenue (première commande)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Barcode unreadable</source>
        <translation>Code-barres illisible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product relabelled</source>
        <translation>Produit réétiqueté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalogue weight wrong</source>
        <translation>Poids du catalogue faux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer agreed</source>
        <translation>Accord du client</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No order is waiting to be packed right now.</source>
        <translation>Aucune commande n&apos;attend d&apos;être emballée pour le moment.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order {order} is being handled at station {station}.</source>
        <translation>La commande {order} est en cours au poste {station}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is assigned to station {station}.</source>
        <translation>La commande {order} est attribuée au poste {station}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is unknown: check the barcode.</source>
        <translation>Commande {order} inconnue : vérifiez le code-barres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <source>Order {order} cannot be packed now (status: {status}).</source>
        <translation>La commande {order} ne peut pas être emballée maintenant (statut : {status}).</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The central database cannot be reached: no order can be reserved. Try again in a moment.</source>
        <translation>La base centrale est injoignable : aucune commande ne peut être réservée. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Order {order} is not known at this station: check the number, or wait for the station to sync.</source>
        <translation>La commande {order} n&apos;est pas connue de ce poste : vérifiez le numéro, ou attendez la synchronisation du poste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tote {tote} holds no order waiting to be packed: scan the order number on the pick slip instead.</source>
        <translation>Le bac {tote} ne contient aucune commande à emballer : scannez plutôt le numéro de commande sur le bon de préparation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tote {tote} holds order {order}, which cannot be packed now (status: {status}).</source>
        <translation>Le bac {tote} contient la commande {order}, qui ne peut pas être emballée maintenant (statut : {status}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tote {tote} holds several orders ({orders}): scan the order number instead.</source>
        <translation>Le bac {tote} contient plusieurs commandes ({orders}) : scannez plutôt le numéro de commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick list {pick_list} is not known here: scan a tote or the order number instead.</source>
        <translation>La liste de préparation {pick_list} n&apos;est pas connue ici : scannez plutôt un bac ou le numéro de commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick list {pick_list} has no order waiting to be packed: scan the next tote.</source>
        <translation>La liste de préparation {pick_list} n&apos;a plus de commande à emballer : scannez le bac suivant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is no order, tote or pick list known here: scan the tote or the order number.</source>
        <translation>{value} n&apos;est ni une commande, ni un bac, ni une liste connus ici : scannez le bac ou le numéro de commande.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Packing could not start: {detail}. Ask a supervisor.</source>
        <translation>L&apos;emballage n&apos;a pas pu commencer : {detail}. Appelez un responsable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station could not save that action ({detail}): do it again. If it persists, ask a supervisor.</source>
        <translation>Le poste n&apos;a pas pu enregistrer cette action ({detail}) : refaites-la. Si cela continue, appelez un responsable.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This station has no SSCC numbers left for the labels: check its link to the central database, then tap Print. Nothing was closed.</source>
        <translation>Ce poste n&apos;a plus de numéros SSCC pour les étiquettes : vérifiez sa liaison avec la base centrale, puis touchez Imprimer. Rien n&apos;a été clôturé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order could not be closed ({detail}): tap Print to try again. If it persists, ask a supervisor.</source>
        <translation>La commande n&apos;a pas pu être clôturée ({detail}) : touchez Imprimer pour réessayer. Si cela continue, appelez un responsable.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The order is closed but its label did not print ({detail}): reprint it from the done screen, or ask a supervisor.</source>
        <translation>La commande est clôturée mais son étiquette ne s&apos;est pas imprimée ({detail}) : réimprimez-la depuis l&apos;écran de fin, ou appelez un responsable.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No printer is configured at this station: the label was not printed. Ask a supervisor.</source>
        <translation>Aucune imprimante n&apos;est configurée sur ce poste : l&apos;étiquette n&apos;a pas été imprimée. Appelez un responsable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order {order} was closed but its label had not printed when the station stopped: it prints now. Stick it on its parcel.</source>
        <translation>La commande {order} était clôturée mais son étiquette ne s&apos;était pas imprimée quand le poste s&apos;est arrêté : elle s&apos;imprime maintenant. Collez-la sur son colis.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label printed again.</source>
        <translation>Étiquette réimprimée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No label to reprint yet.</source>
        <translation>Pas encore d&apos;étiquette à réimprimer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Badge or PIN not recognised: try again.</source>
        <translation>Badge ou code PIN non reconnu : réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/gui/packing_ui.py" line="+135"/>
        <source>This order is packed: tap Next order or scan Next.</source>
        <translation>Cette commande est emballée : touchez « Commande suivante » ou scannez Suivant.</translation>
    </message>
</context>
<context>
    <name>PackScreen</name>
    <message>
        <location filename="../../app/gui/pack_scale.py" line="+112"/>
        <source>Scale not usable ({detail}): key the weight in, and tell a supervisor.</source>
        <translation>Balance inutilisable ({detail}) : saisissez le poids, et prévenez un responsable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No scale: key the weight in.</source>
        <translation>Pas de balance : saisissez le poids.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale starting…</source>
        <translation>Démarrage de la balance…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stabilising…</source>
        <translation>Stabilisation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the parcel on the scale: its weight is taken when stable.</source>
        <translation>Posez le colis sur la balance : le poids est pris dès qu&apos;il est stable.</translation>
    </message>
    <message>
        <location filename="../../app/gui/packing_ui.py" line="+47"/>
        <source>Parcel %1: weighed %2, expected %3.</source>
        <translation>Colis %1 : pesé %2, attendu %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 units verified.</source>
        <translation>%1 article(s) vérifié(s) sur %2.</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Label and packing slip sent to the printers. Stick the label on the parcel.</source>
        <translation>Étiquette et bon de livraison envoyés aux imprimantes. Collez l&apos;étiquette sur le colis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printing the label and the packing slip…</source>
        <translation>Impression de l&apos;étiquette et du bon de livraison…</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/pack.py" line="+178"/>
        <source>How many more units of %1 are in the tote? (at most %2)</source>
        <translation>Combien d&apos;articles %1 en plus dans le bac ? (au plus %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight of parcel %1 (expected %2)</source>
        <translation>Poids du colis %1 (attendu %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel packing order %1? Everything verified is forgotten and the tote goes back to the packing queue.</source>
        <translation>Annuler l&apos;emballage de la commande %1 ? Toute la vérification est oubliée et le bac retourne dans la file d&apos;emballage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes, cancel the pack</source>
        <translation>Oui, annuler l&apos;emballage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No, go on packing</source>
        <translation>Non, continuer l&apos;emballage</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Confirm: %1 × %2 more in this parcel?</source>
        <translation>Confirmez : %1 × %2 de plus dans ce colis ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes, %1 units</source>
        <translation>Oui, %1 articles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No, count again</source>
        <translation>Non, recompter</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Order %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relay point: %1</source>
        <translation>Point relais : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2 units · parcel %3 / %4</source>
        <translation>%1 / %2 articles · colis %3 / %4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan the serial number of %1</source>
        <translation>Scannez le numéro de série de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan every unit into the parcel</source>
        <translation>Scannez chaque article en le mettant dans le colis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the barcode of box %1</source>
        <translation>Scannez le code-barres du carton %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(choose one)</source>
        <translation>(choisissez-en un)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the parcel on the scale</source>
        <translation>Posez le colis sur la balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weigh the parcel and key its weight in</source>
        <translation>Pesez le colis et saisissez son poids</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight off: scan the parcel&apos;s units again</source>
        <translation>Poids incorrect : scannez de nouveau les articles du colis</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Undo</source>
        <translation>↶ Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key in quantity</source>
        <translation>Saisir quantité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other box</source>
        <translation>Autre carton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next parcel</source>
        <translation>Colis suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key in weight</source>
        <translation>Saisir le poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel pack</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/pack_panels.py" line="+50"/>
        <source>Tap the box you use, or scan its barcode</source>
        <translation>Touchez le carton utilisé, ou scannez son code-barres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Card: « %1 »</source>
        <translation>Carte : « %1 »</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put these in the parcel, tick each one, then tap Done</source>
        <translation>Mettez-les dans le colis, cochez chacun, puis touchez Terminé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The label and the slip print in</source>
        <translation>L&apos;étiquette et le bon s&apos;impriment dans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel printing</source>
        <translation>Annuler l&apos;impression</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printing stopped. Fix what is needed, then print (or scan Done).</source>
        <translation>Impression arrêtée. Corrigez ce qu&apos;il faut, puis imprimez (ou scannez Terminé).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print now</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Ready for pickup in store</source>
        <translation>Prêt pour le retrait en magasin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready to ship</source>
        <translation>Prêt à expédier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 · %2</source>
        <translation>Commande %1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pallet</source>
        <translation>Palette</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Carton</source>
        <translation>Carton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel</source>
        <translation>Colis</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next order</source>
        <translation>Commande suivante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint label</source>
        <translation>Réimprimer l&apos;étiquette</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/pack_widgets.py" line="+205"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/pack_work.py" line="+90"/>
        <source>Lot %1</source>
        <translation>Lot %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S/N %1</source>
        <translation>N° série %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>to verify · %1 / %2</source>
        <translation>à vérifier · %1 / %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>verified · %1 / %2</source>
        <translation>vérifié · %1 / %2</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Parcel %1 / %2</source>
        <translation>Colis %1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Box</source>
        <translation>Carton</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggested box</source>
        <translation>Carton conseillé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a box</source>
        <translation>Choisissez un carton</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan its barcode, or tap “Other box”.</source>
        <translation>Scannez-le, ou « Autre carton ».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighed</source>
        <translation>Pesé</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Gift message</source>
        <translation>Message cadeau</translation>
    </message>
</context>
<context>
    <name>PackerHome</name>
    <message>
        <location filename="../../app/gui/screens/home_packer.py" line="+46"/>
        <source>Or scan a tote or an order number</source>
        <translation>Ou scannez un bac ou un numéro de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping dock</source>
        <translation>Quai d&apos;expédition</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>order picked, waiting to be packed</source>
        <translation>commande préparée, à emballer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>orders picked, waiting to be packed</source>
        <translation>commandes préparées, à emballer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next orders, earliest cutoff first</source>
        <translation>Prochaines commandes, heure limite la plus proche d&apos;abord</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to pack right now.</source>
        <translation>Rien à emballer pour le moment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start packing</source>
        <translation>Commencer l&apos;emballage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or scan a tote or an order number to pack that order.</source>
        <translation>Ou scannez un bac ou un numéro de commande pour emballer cette commande.</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../app/gui/console/people_panel.py" line="+157"/>
        <source>Nobody logged in</source>
        <translation>Personne de connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never seen</source>
        <translation>Jamais vu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active now</source>
        <translation>Actif à l&apos;instant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active %1 min ago</source>
        <translation>Actif il y a %1 min</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Stations and people</source>
        <translation>Postes et personnes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No station has synced with the central database yet.</source>
        <translation>Aucun poste ne s&apos;est encore synchronisé avec la base centrale.</translation>
    </message>
</context>
<context>
    <name>Pick</name>
    <message>
        <location filename="../../app/gui/pick_texts.py" line="+23"/>
        <source>Wrong location: you scanned {got}. Go to {expected}.</source>
        <translation>Mauvais emplacement : vous avez scanné {got}. Allez à {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong product: {got} is not the one to take here. Take {expected}.</source>
        <translation>Mauvais produit : {got} n&apos;est pas celui à prendre ici. Prenez {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot {lot} expired on {expiry}: do not take it. Take another unit, or declare a short pick.</source>
        <translation>Le lot {lot} a expiré le {expiry} : ne le prenez pas. Prenez une autre unité, ou déclarez un manquant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This product is tracked by lot: scan its GS1 barcode with the lot, not the plain EAN.</source>
        <translation>Ce produit est suivi par lot : scannez son code GS1 avec le lot, pas l&apos;EAN simple.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This line needs no more: put the extra unit back.</source>
        <translation>Cette ligne est complète : reposez l&apos;unité en trop.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong tote: {got}. Put it in tote {expected}.</source>
        <translation>Mauvais bac : {got}. Mettez-le dans le bac {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tote {tote} is already used for order {order}: take another empty tote.</source>
        <translation>Le bac {tote} sert déjà à la commande {order} : prenez un autre bac vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a tote here.</source>
        <translation>Scannez un bac ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the location {expected} first.</source>
        <translation>Scannez d&apos;abord l&apos;emplacement {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it in tote {tote} and scan the tote first.</source>
        <translation>Mettez-le dans le bac {tote} et scannez d&apos;abord le bac.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The barcode was misread: scan it again.</source>
        <translation>Code-barres mal lu : scannez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This scan is not expected now: follow the screen.</source>
        <translation>Ce scan n&apos;est pas attendu maintenant : suivez l&apos;écran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pick is paused: tap Resume or scan the Pause barcode.</source>
        <translation>La préparation est en pause : touchez Reprendre ou scannez le code Pause.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish the short pick on the screen first.</source>
        <translation>Terminez d&apos;abord le manquant à l&apos;écran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a reason on the screen.</source>
        <translation>Choisissez une raison à l&apos;écran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That quantity is not possible here.</source>
        <translation>Cette quantité n&apos;est pas possible ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A quantity can be keyed in only on large lines: scan each unit.</source>
        <translation>La saisie de quantité est réservée aux grosses lignes : scannez chaque unité.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to declare short here.</source>
        <translation>Aucun manquant à déclarer ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to cancel.</source>
        <translation>Rien à abandonner.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No other location was offered.</source>
        <translation>Aucun autre emplacement n&apos;a été proposé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pick is not paused.</source>
        <translation>La préparation n&apos;est pas en pause.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Order {order} picked.</source>
        <translation>Commande {order} préparée.</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+26"/>
        <source>Pick complete: take the totes to packing.</source>
        <translation>Préparation terminée : apportez les bacs à l&apos;emballage.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Short pick recorded.</source>
        <translation>Manquant enregistré.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to your route: {location}.</source>
        <translation>Ajouté à votre parcours : {location}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last scan undone.</source>
        <translation>Dernier scan annulé.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Order {order} incomplete: it waits for stock.</source>
        <translation>Commande {order} incomplète : elle attend du stock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} incomplete: a supervisor takes it over.</source>
        <translation>Commande {order} incomplète : un responsable la reprend.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Units of this product need their lot read: tap Cancel, scan each unit you found, then declare the short pick for the rest.</source>
        <translation>Le lot de ce produit doit être lu : touchez Annuler, scannez chaque unité trouvée, puis déclarez le manquant pour le reste.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No order is waiting to be picked right now.</source>
        <translation>Aucune commande n&apos;attend d&apos;être préparée pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order {order} is being picked at station {station}.</source>
        <translation>La commande {order} est en préparation au poste {station}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is assigned to station {station}.</source>
        <translation>La commande {order} est attribuée au poste {station}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is unknown: check the barcode.</source>
        <translation>Commande {order} inconnue : vérifiez le code-barres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} cannot be picked now (status: {status}).</source>
        <translation>La commande {order} ne peut pas être préparée maintenant (statut : {status}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The central database cannot be reached: no order can be reserved. Try again in a moment.</source>
        <translation>Base centrale injoignable : impossible de réserver une commande. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pick could not start: {detail}. Ask a supervisor.</source>
        <translation>La préparation n&apos;a pas pu démarrer : {detail}. Appelez un responsable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station could not save that scan ({detail}): scan it again. If it persists, ask a supervisor.</source>
        <translation>Le poste n&apos;a pas pu enregistrer ce scan ({detail}) : scannez à nouveau. Si cela continue, appelez un responsable.</translation>
    </message>
</context>
<context>
    <name>PickScreen</name>
    <message>
        <location filename="../../app/gui/screens/pick.py" line="+216"/>
        <source>How many units do you take? (at most %1)</source>
        <translation>Combien d&apos;unités prenez-vous ? (au plus %1)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pick waits for you. Tap Resume or scan the Pause barcode.</source>
        <translation>La préparation vous attend. Touchez Reprendre ou scannez le code Pause.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>How many units did you find at %1? (at most %2)</source>
        <translation>Combien d&apos;unités avez-vous trouvées en %1 ? (au plus %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 more at %2. Add this location to your route?</source>
        <translation>%1 de plus en %2. Ajouter cet emplacement à votre parcours ?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pick complete</source>
        <translation>Préparation terminée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the totes to packing. Next work: tap below or scan Next.</source>
        <translation>Apportez les bacs à l&apos;emballage. Travail suivant : touchez ci-dessous ou scannez Suivant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next work</source>
        <translation>Travail suivant</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch of %1 orders</source>
        <translation>Lot de %1 commandes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop %1 of %2 · %3 / %4 units</source>
        <translation>Arrêt %1 sur %2 · %3 / %4 unités</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan an empty tote for order %1</source>
        <translation>Scannez un bac vide pour la commande %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Go to the location and scan its label</source>
        <translation>Allez à l&apos;emplacement et scannez son étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the product, one scan per unit</source>
        <translation>Scannez le produit, un scan par unité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it in the tote and scan the tote</source>
        <translation>Mettez-le dans le bac et scannez le bac</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>units taken here</source>
        <translation>unités prises ici</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tote %1</source>
        <translation>Bac %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Short pick</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo last scan</source>
        <translation>Annuler le dernier scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key in quantity</source>
        <translation>Saisir la quantité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is it short?</source>
        <translation>Pourquoi manque-t-il ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location empty</source>
        <translation>Emplacement vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged</source>
        <translation>Abîmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes, add it</source>
        <translation>Oui, l&apos;ajouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>PickerHome</name>
    <message>
        <location filename="../../app/gui/screens/home_picker.py" line="+18"/>
        <source>order waiting to be picked</source>
        <translation>commande à préparer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>orders waiting to be picked</source>
        <translation>commandes à préparer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next orders, earliest cutoff first</source>
        <translation>Prochaines commandes, heure limite la plus proche d&apos;abord</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to pick right now.</source>
        <translation>Rien à préparer pour le moment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start picking</source>
        <translation>Commencer la préparation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or scan an order&apos;s barcode to pick that order.</source>
        <translation>Ou scannez le code-barres d&apos;une commande pour préparer celle-ci.</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../app/gui/printer_texts.py" line="+24"/>
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not started</source>
        <translation>non démarrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not answering</source>
        <translation>ne répond pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of labels</source>
        <translation>plus d&apos;étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head open</source>
        <translation>tête ouverte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of ribbon</source>
        <translation>plus de ruban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory full</source>
        <translation>mémoire pleine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fault</source>
        <translation>en défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending again</source>
        <translation>renvoi en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label to check</source>
        <translation>étiquette à vérifier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%n waiting</source>
        <translation>%n en attente</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The printer could not be started: %1. Check the [printing] section of the station&apos;s configuration.</source>
        <translation>L&apos;imprimante n&apos;a pas pu démarrer : %1. Vérifiez la section [printing] de la configuration du poste.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed</source>
        <translation>imprimée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to check</source>
        <translation>à vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Label printer</source>
        <translation>Imprimante d&apos;étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document printer</source>
        <translation>Imprimante de documents</translation>
    </message>
    <message>
        <location filename="../../app/gui/printers_ui.py" line="+117"/>
        <source>This job is already at the printer: it can no longer be cancelled.</source>
        <translation>Cette impression est déjà partie à l&apos;imprimante : elle ne peut plus être annulée.</translation>
    </message>
    <message>
        <location filename="../../app/gui/screens/printers.py" line="+133"/>
        <source>%1 waiting</source>
        <translation>%1 en attente</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(reprint)</source>
        <translation>(réimpression)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a job to see its label.</source>
        <translation>Choisissez une impression pour voir son étiquette.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No preview for this job (printed before the station started).</source>
        <translation>Pas d&apos;aperçu pour cette impression (faite avant le démarrage du poste).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Printers</source>
        <translation>Imprimantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print a test label</source>
        <translation>Imprimer une étiquette de test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint</source>
        <translation>Réimprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It came out</source>
        <translation>Elle est sortie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It did not come out</source>
        <translation>Elle n&apos;est pas sortie</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <location filename="../../app/gui/console/reason_dialog.py" line="+204"/>
        <source>Priority of %n order: higher goes first</source>
        <translation>Priorité de %n commande : la plus haute passe d&apos;abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority of %n orders: higher goes first</source>
        <translation>Priorité de %n commandes : la plus haute passe d&apos;abord</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lower</source>
        <translation>Baisser</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Higher</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Set the priority</source>
        <translation>Appliquer la priorité</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location line="-193"/>
        <source>Suspected fraud</source>
        <translation>Suspicion de fraude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment pending</source>
        <translation>Paiement en attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address to check</source>
        <translation>Adresse à vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asked to wait</source>
        <translation>Le client a demandé d&apos;attendre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer verified</source>
        <translation>Client vérifié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payment received</source>
        <translation>Paiement reçu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address corrected</source>
        <translation>Adresse corrigée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer cancelled</source>
        <translation>Annulée par le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of stock for good</source>
        <translation>Rupture définitive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraud confirmed</source>
        <translation>Fraude confirmée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate order</source>
        <translation>Commande en double</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station stopped</source>
        <translation>Poste arrêté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Picker gone</source>
        <translation>Préparateur parti</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reason (tap one, or type it):</source>
        <translation>Motif (touchez-en un, ou tapez-le) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (optional):</source>
        <translation>Motif (facultatif) :</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Other reason (type it)</source>
        <translation>Autre motif (tapez-le)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+119"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Put %n order on hold</source>
        <translation>Bloquer %n commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put %n orders on hold</source>
        <translation>Bloquer %n commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release %n order from hold</source>
        <translation>Débloquer %n commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release %n orders from hold</source>
        <translation>Débloquer %n commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel %n order? This cannot be undone.</source>
        <translation>Annuler %n commande ? C&apos;est définitif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel %n orders? This cannot be undone.</source>
        <translation>Annuler %n commandes ? C&apos;est définitif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free %n order held by a station</source>
        <translation>Libérer %n commande retenue par un poste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free %n orders held by a station</source>
        <translation>Libérer %n commandes retenues par un poste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Put on hold</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the orders</source>
        <translation>Annuler les commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free the orders</source>
        <translation>Libérer les commandes</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A reason is needed: tap one or type it.</source>
        <translation>Un motif est nécessaire : touchez-en un ou tapez-le.</translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <location filename="../../app/gui/screens/role_chooser.py" line="+63"/>
        <source>Hello %1, what are you working on?</source>
        <translation>Bonjour %1, sur quoi travaillez-vous ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not me: back to badge scan</source>
        <translation>Ce n&apos;est pas moi : scanner un autre badge</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/gui/texts.py" line="-157"/>
        <source>Picking</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing</source>
        <translation>Emballage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pick orders</source>
        <translation>Préparer les commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack orders</source>
        <translation>Emballer les commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervise the floor</source>
        <translation>Superviser l&apos;entrepôt</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <location filename="../../app/gui/scale_hub.py" line="+120"/>
        <source>Scale: starting…</source>
        <translation>Balance : démarrage…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: ready</source>
        <translation>Balance : prête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale unplugged: plug it back in</source>
        <translation>Balance débranchée : rebranchez-la</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: not found</source>
        <translation>Balance : introuvable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: cannot be opened</source>
        <translation>Balance : accès refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: not answering</source>
        <translation>Balance : ne répond pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: none (weight keyed in)</source>
        <translation>Balance : aucune (poids saisi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: overloaded</source>
        <translation>Balance : surcharge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: below zero</source>
        <translation>Balance : sous zéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: busy</source>
        <translation>Balance : occupée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale: settings to check</source>
        <translation>Balance : réglages à vérifier</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="+275"/>
        <source>Log in first: scan your badge.</source>
        <extracomment>A sync cycle pulled central changes into the replica (rows written): the console&apos;s live views (app.gui.console.live) read it again. Emitted in the GUI thread.</extracomment>
        <translation>Connectez-vous d&apos;abord : scannez votre badge.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose your role on the screen, or tap “Not me”.</source>
        <translation>Choisissez votre rôle à l&apos;écran, ou touchez « Ce n&apos;est pas moi ».</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No scan is expected on this screen.</source>
        <translation>Aucun scan n&apos;est attendu sur cet écran.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scan_router.py" line="+68"/>
        <source>This window does not take this scan: scan what it asks for, or answer it on the screen.</source>
        <translation>Cette fenêtre ne prend pas ce scan : scannez ce qu&apos;elle demande, ou répondez-y à l&apos;écran.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan not used: a window is open. Answer it on the screen, then scan again.</source>
        <translation>Scan non utilisé : une fenêtre est ouverte. Répondez-y à l&apos;écran, puis scannez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/gui/texts.py" line="+78"/>
        <source>Empty scan: scan the barcode again.</source>
        <translation>Scan vide : scannez à nouveau le code-barres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scan holds unreadable characters: scan the barcode again.</source>
        <translation>Le scan contient des caractères illisibles : scannez à nouveau le code-barres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown command barcode %1: use the command sheet.</source>
        <translation>Code de commande inconnu %1 : utilisez la feuille des commandes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode %1 was misread (wrong check digit): scan it again.</source>
        <translation>Code-barres %1 mal lu (clé de contrôle fausse) : scannez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel code %1 was misread (wrong check digit): scan it again.</source>
        <translation>Code colis %1 mal lu (clé de contrôle fausse) : scannez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GS1 barcode %1 not understood: scan it again.</source>
        <translation>Code-barres GS1 %1 incompris : scannez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This GS1 barcode has no product code: scan the product&apos;s barcode.</source>
        <translation>Ce code-barres GS1 ne contient pas de code produit : scannez le code-barres du produit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barcode %1 not understood: scan it again.</source>
        <translation>Code-barres %1 incompris : scannez-le à nouveau.</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <location line="-26"/>
        <source>Permission denied: %1 was added to the %2 group after logging in. Log out and in again.</source>
        <translation>Permission refusée : %1 a été ajouté au groupe %2 après sa connexion. Déconnectez-vous puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permission denied: %1 is not in the %2 group. An administrator runs “sudo usermod -aG %2 %1”, then log in again.</source>
        <translation>Permission refusée : %1 n&apos;est pas dans le groupe %2. Un administrateur lance « sudo usermod -aG %2 %1 », puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another program holds this scanner (another Quai station, or quai scanner-test?). Close it.</source>
        <translation>Un autre programme utilise ce scanner (un autre poste Quai, ou quai scanner-test ?). Fermez-le.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This path is not an input device: give the scanner&apos;s /dev/input/by-id/…-event-kbd link.</source>
        <translation>Ce chemin n&apos;est pas un périphérique d&apos;entrée : indiquez le lien /dev/input/by-id/…-event-kbd du scanner.</translation>
    </message>
</context>
<context>
    <name>ScannerTest</name>
    <message>
        <location filename="../../app/gui/screens/scanner_test.py" line="+56"/>
        <source>No product, location, badge or order with this code in the station&apos;s copy.</source>
        <translation>Aucun produit, emplacement, badge ni commande avec ce code dans la copie du poste.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tote</source>
        <translation>Bac</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel (SSCC)</source>
        <translation>Colis (SSCC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>Commande de poste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown code</source>
        <translation>Code inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misread</source>
        <translation>Mal lu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan a barcode: each read shows here with what Quai makes of it.</source>
        <translation>Scannez un code-barres : chaque lecture s&apos;affiche ici avec ce que Quai y lit.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>from %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unplugged</source>
        <translation>débranché</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be used</source>
        <translation>inutilisable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starting…</source>
        <translation>démarrage…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scanner test</source>
        <translation>Test des scanners</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details or problem</source>
        <translation>Détails ou problème</translation>
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
        <translation>Poste : %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nobody logged in</source>
        <translation>Personne n&apos;est connecté</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>User: %1 (%2)</source>
        <translation>Utilisateur : %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logout of %1 not recorded: see a supervisor</source>
        <translation>Déconnexion de %1 non enregistrée : prévenez un responsable</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../app/gui/texts.py" line="-46"/>
        <source>Central: checking…</source>
        <translation>Base centrale : vérification…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central: online</source>
        <translation>Base centrale : en ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central: offline</source>
        <translation>Base centrale : hors ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central: embedded (SQLite)</source>
        <translation>Base centrale : intégrée (SQLite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local copy not refreshed: see a supervisor</source>
        <translation>Copie locale non actualisée : prévenez un responsable</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scanner: on-screen entry</source>
        <translation>Scanner : saisie à l&apos;écran</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner: ready</source>
        <translation>Scanner : prêt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanners: %n ready</source>
        <translation>Scanners : %n prêts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner: starting…</source>
        <translation>Scanner : démarrage…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner %1 unplugged: plug it back in</source>
        <translation>Scanner %1 débranché : rebranchez-le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner %1 not found: check its cable</source>
        <translation>Scanner %1 introuvable : vérifiez son câble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner %1 cannot be used: call a supervisor</source>
        <translation>Scanner %1 inutilisable : appelez un responsable</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Printer: not configured</source>
        <translation>Imprimante : non configurée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Outbox: …</source>
        <translation>File d&apos;envoi : …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: empty</source>
        <translation>File d&apos;envoi : vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbox: %n event to send</source>
        <translation>File d&apos;envoi : %n événement en attente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outbox: %n events to send</source>
        <translation>File d&apos;envoi : %n événements en attente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last sync: never</source>
        <translation>Dernière synchro : jamais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync: %1</source>
        <translation>Dernière synchro : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order %1 cancelled: put the picked items back</source>
        <translation>Commande %1 annulée : remettez les articles prélevés en place</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 reassigned to %2</source>
        <translation>Commande %1 réaffectée à %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 taken over by %2</source>
        <translation>Commande %1 reprise par %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 deleted centrally: put the picked items back</source>
        <translation>Commande %1 supprimée : remettez les articles prélevés en place</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 released: stop working on it</source>
        <translation>Commande %1 libérée : arrêtez de la traiter</translation>
    </message>
    <message>
        <location filename="../../app/gui/printer_texts.py" line="-33"/>
        <source>Printer: %1</source>
        <translation>Imprimante : %1</translation>
    </message>
</context>
<context>
    <name>SupervisionRefusal</name>
    <message>
        <location filename="../../app/gui/console/refusal_texts.py" line="+21"/>
        <source>This order is not in the central database.</source>
        <translation>Cette commande n&apos;est pas dans la base centrale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order has shipped already.</source>
        <translation>Cette commande est déjà expédiée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is cancelled already.</source>
        <translation>Cette commande est déjà annulée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shipped order cannot be cancelled.</source>
        <translation>Une commande expédiée ne peut pas être annulée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give a reason.</source>
        <translation>Indiquez un motif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is held for fraud risk: give a reason to release it.</source>
        <translation>Cette commande est bloquée pour risque de fraude : indiquez un motif pour la débloquer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is not on hold.</source>
        <translation>Cette commande n&apos;est pas bloquée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order is on hold already.</source>
        <translation>Cette commande est déjà bloquée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order&apos;s status does not allow this.</source>
        <translation>Le statut de la commande ne le permet pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a priority from 0 to 99.</source>
        <translation>Choisissez une priorité de 0 à 99.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order has this priority already.</source>
        <translation>La commande a déjà cette priorité.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order is assigned to this station already.</source>
        <translation>La commande est déjà affectée à ce poste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a station or a person.</source>
        <translation>Choisissez un poste ou une personne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No station holds this order: nothing to release.</source>
        <translation>Aucun poste ne tient cette commande : rien à libérer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station is not known to the central database.</source>
        <translation>Ce poste est inconnu de la base centrale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No active user has this badge.</source>
        <translation>Aucun utilisateur actif n&apos;a ce badge.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station does not take orders at this step: choose a picking station for an order to pick, a packing station for an order to pack.</source>
        <translation>Ce poste ne prend pas les commandes à cette étape : choisissez un poste de préparation pour une commande à préparer, un poste d&apos;emballage pour une commande à emballer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This person is not logged in at any station: choose a station.</source>
        <translation>Cette personne n&apos;est connectée à aucun poste : choisissez un poste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a supervisor can do this. Log in with a supervisor&apos;s badge.</source>
        <translation>Seul un superviseur peut le faire. Connectez-vous avec un badge de superviseur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account is deactivated. Ask an administrator.</source>
        <translation>Ce compte est désactivé. Demandez à un administrateur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge or PIN not recognised. Try again.</source>
        <translation>Badge ou code PIN non reconnu. Réessayez.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This console may not change orders: add it with quai central add-station --supervisor.</source>
        <translation>Cette console ne peut pas modifier les commandes : ajoutez-la avec quai central add-station --supervisor.</translation>
    </message>
</context>
<context>
    <name>SupervisorHome</name>
    <message>
        <location filename="../../app/gui/screens/home_supervisor.py" line="+87"/>
        <source>%n order on the floor</source>
        <translation>%n commande en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n orders on the floor</source>
        <translation>%n commandes en cours</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test the scanners</source>
        <translation>Tester les scanners</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printers</source>
        <translation>Imprimantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping dock</source>
        <translation>Quai d&apos;expédition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orders by status</source>
        <translation>Commandes par statut</translation>
    </message>
</context>
<context>
    <name>SupervisorPin</name>
    <message>
        <location filename="../../app/gui/screens/supervisor_pin.py" line="+158"/>
        <source>Too many wrong PINs. Wait %1 s, then try again (or ask another supervisor).</source>
        <translation>Trop de codes PIN erronés. Attendez %1 s, puis réessayez (ou demandez à un autre superviseur).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>Valider</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hello %1</source>
        <translation>Bonjour %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor: type your PIN on the keys, then OK.</source>
        <translation>Superviseur : tapez votre code PIN sur les touches, puis Valider.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not me: back to badge scan</source>
        <translation>Ce n&apos;est pas moi : retour au badge</translation>
    </message>
    <message>
        <location filename="../../app/gui/supervisor_access.py" line="+71"/>
        <source>Type your PIN on the screen&apos;s keys, or tap “Not me”.</source>
        <translation>Tapez votre code PIN sur les touches de l&apos;écran, ou touchez « Ce n&apos;est pas moi ».</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The PIN could not be checked: the station cannot read its local database. Try again, or ask for help. Detail: %1</source>
        <translation>Le code PIN n&apos;a pas pu être vérifié : le poste ne peut pas lire sa base locale. Réessayez ou demandez de l&apos;aide. Détail : %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No PIN is set for this badge. Ask an administrator to give you one.</source>
        <translation>Aucun code PIN n&apos;est défini pour ce badge. Demandez-en un à un administrateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is deactivated. Ask an administrator.</source>
        <translation>Ce compte est désactivé. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This badge is not a supervisor&apos;s: the console is for supervisors only.</source>
        <translation>Ce badge n&apos;est pas celui d&apos;un superviseur : la console est réservée aux superviseurs.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wrong PIN. %n try left.</source>
        <translation>Code PIN erroné. Encore %n essai.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PIN. %n tries left.</source>
        <translation>Code PIN erroné. Encore %n essais.</translation>
    </message>
</context>
</TS>
