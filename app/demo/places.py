"""People, addresses, shops and relay points for the demo orders.

Towns and postcodes are real (so a carrier's address check would accept them);
streets, people and relay points are invented.
"""

from __future__ import annotations

FIRST_NAMES = [
    "Élodie", "Julien", "Sophie", "Mathieu", "Amélie", "Thomas", "Manon", "Nicolas",
    "Léa", "Antoine", "Pauline", "Maxime", "Océane", "Guillaume", "Clémence", "Baptiste",
    "Margaux", "Romain", "Zoé", "Sébastien", "Agnès", "François", "Anaïs", "Jérôme",
]
LAST_NAMES = [
    "Durand", "Lefebvre", "Mercier", "Girard", "Bonnet", "Fontaine", "Rousseau", "Vincent",
    "Chevalier", "Gauthier", "Perrin", "Morel", "Lambert", "Faure", "André", "Blanc",
    "Guérin", "Boyer", "Garnier", "Lemaire", "Rolland", "Brunet", "Picard", "Masson",
]

# (postcode, town, province) — real French communes.
TOWNS = [
    ("75011", "Paris", "Paris"),
    ("75015", "Paris", "Paris"),
    ("69003", "Lyon", "Rhône"),
    ("13006", "Marseille", "Bouches-du-Rhône"),
    ("31000", "Toulouse", "Haute-Garonne"),
    ("33000", "Bordeaux", "Gironde"),
    ("44000", "Nantes", "Loire-Atlantique"),
    ("67000", "Strasbourg", "Bas-Rhin"),
    ("59800", "Lille", "Nord"),
    ("35000", "Rennes", "Ille-et-Vilaine"),
    ("34000", "Montpellier", "Hérault"),
    ("06000", "Nice", "Alpes-Maritimes"),
    ("21000", "Dijon", "Côte-d'Or"),
    ("37000", "Tours", "Indre-et-Loire"),
    ("63000", "Clermont-Ferrand", "Puy-de-Dôme"),
    ("29200", "Brest", "Finistère"),
    ("64200", "Biarritz", "Pyrénées-Atlantiques"),
    ("74000", "Annecy", "Haute-Savoie"),
    ("84000", "Avignon", "Vaucluse"),
    ("14000", "Caen", "Calvados"),
    ("51100", "Reims", "Marne"),
    ("87000", "Limoges", "Haute-Vienne"),
    ("26200", "Montélimar", "Drôme"),
    ("17000", "La Rochelle", "Charente-Maritime"),
]
STREETS = [
    "rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard Gambetta",
    "rue des Lilas", "place du Marché", "chemin des Vignes", "rue Pasteur",
    "allée des Tilleuls", "rue de l'Église", "quai de la Fosse", "impasse des Glycines",
    "avenue du Général-de-Gaulle", "rue Saint-Éloi", "cours Mirabeau", "rue du Moulin",
]
ADDRESS2 = ["Bâtiment B", "Appartement 12", "3e étage gauche", "Escalier C", "Résidence Les Pins"]

# B2B customers: shops that resell the catalogue.
SHOPS = [
    ("Le Comptoir de Léa SARL", "Léa Fournier"),
    ("Épicerie fine Aux Délices d'Anjou", "Marc Hervé"),
    ("Concept store L'Atelier du Cours", "Inès Benali"),
    ("Hôtel Les Terrasses du Lac", "Service achats"),
    ("Librairie La Plume et l'Encrier", "Yann Le Gall"),
]

# Mondial Relay points: (id, name, town index into TOWNS).
RELAY_POINTS = [
    ("FR-011842", "Tabac Presse Le Balto", 0),
    ("FR-020517", "Carrefour City Lyon Part-Dieu", 2),
    ("FR-033761", "Pressing du Vieux-Port", 3),
    ("FR-047208", "Librairie Ombres Blanches", 4),
    ("FR-058134", "Fleuriste Au Jardin d'Aliénor", 5),
    ("FR-062995", "Boulangerie Le Fournil de Nantes", 6),
    ("FR-071430", "Cordonnerie Saint-Michel", 9),
    ("FR-089617", "Épicerie Chez Mounir", 10),
]

GIFT_MESSAGES = [
    "Joyeux anniversaire maman ! Plein de bisous, Julie",
    "Félicitations pour votre nouvelle maison 🏡",
    "Merci pour tout, à très vite. — L'équipe du 3e",
    "Bonne fête Papa !",
    "Pour ta crémaillère, avec toute notre amitié",
]
DELIVERY_NOTES = [
    "Merci de laisser le colis chez la gardienne.",
    "Digicode 4821B, interphone au nom de Morel.",
    "Livraison après 18 h si possible.",
    "",
]
