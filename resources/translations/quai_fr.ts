<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
        <location line="+58"/>
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
    <name>PickerHome</name>
    <message>
        <location filename="../../app/gui/screens/home_picker.py" line="+17"/>
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
        <source>Guided picking is not available on this station yet; it comes with the next version of Quai.</source>
        <translation>La préparation guidée n&apos;est pas encore disponible sur ce poste ; elle arrive avec la prochaine version de Quai.</translation>
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
        <location filename="../../app/gui/texts.py" line="-93"/>
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
        <location line="+17"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../app/gui/texts.py" line="+23"/>
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
        <location line="+6"/>
        <source>Scanner: on-screen entry</source>
        <translation>Scanner : saisie à l&apos;écran</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printer: not configured</source>
        <translation>Imprimante : non configurée</translation>
    </message>
    <message>
        <location line="+6"/>
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
</context>
<context>
    <name>SupervisorHome</name>
    <message>
        <location filename="../../app/gui/screens/home_supervisor.py" line="+61"/>
        <source>%n order on the floor</source>
        <translation>%n commande en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n orders on the floor</source>
        <translation>%n commandes en cours</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Orders by status</source>
        <translation>Commandes par statut</translation>
    </message>
</context>
</TS>
