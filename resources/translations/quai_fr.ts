<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
    <name>OrderStatus</name>
    <message>
        <location filename="../../app/gui/texts.py" line="+49"/>
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
        <location line="+113"/>
        <source>no cutoff</source>
        <translation>sans heure limite</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>today %1</source>
        <translation>aujourd&apos;hui %1</translation>
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
    <name>PackerHome</name>
    <message>
        <location filename="../../app/gui/screens/home_packer.py" line="+17"/>
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
        <source>Guided packing is not available on this station yet; it comes with the next version of Quai.</source>
        <translation>L&apos;emballage guidé n&apos;est pas encore disponible sur ce poste ; il arrive avec la prochaine version de Quai.</translation>
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
        <location filename="../../app/gui/printers_ui.py" line="+118"/>
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
        <location filename="../../app/gui/texts.py" line="-148"/>
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
    <name>Scan</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="+264"/>
        <source>Log in first: scan your badge.</source>
        <translation>Connectez-vous d&apos;abord : scannez votre badge.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose your role on the screen, or tap “Not me”.</source>
        <translation>Choisissez votre rôle à l&apos;écran, ou touchez « Ce n&apos;est pas moi ».</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location filename="../../app/gui/status_area.py" line="+66"/>
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
        <location line="+1"/>
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
    <name>SupervisorHome</name>
    <message>
        <location filename="../../app/gui/screens/home_supervisor.py" line="+74"/>
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
        <location line="+4"/>
        <source>Orders by status</source>
        <translation>Commandes par statut</translation>
    </message>
</context>
</TS>
