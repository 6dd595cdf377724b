"""The demo shop's catalogue: French products a small e-commerce warehouse really ships.

Each product gets a GTIN built from a fictitious French GS1 company prefix
(376…, the range GS1 France gives to small firms), so every barcode has a
valid check digit but belongs to no real brand. A few products carry a UPC-A
(an imported American item) or a GTIN-14 (a trade case sold to shops), so
the importers' normalisation to GTIN-14 is exercised by the demo itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.gtin import gs1_check_digit, make_gtin13

#: Tracking kinds, as written in the products export (see generate.py).
LOT = "lot"
SERIAL = "serial"


@dataclass(frozen=True)
class DemoProduct:
    sku: str
    name: str
    category: str  # Shopify "Type"
    vendor: str
    grams: int
    dims_mm: tuple[int, int, int]  # length, width, height
    price_eur: str
    barcode: str  # as the shop writes it: EAN-13, UPC-A (12) or GTIN-14
    tracking: str = ""  # "", LOT or SERIAL
    cold: bool = False  # stored in the fridge zone

    @property
    def handle(self) -> str:
        return self.sku.lower()


# Vendor -> 7-digit GS1 company prefix (French range 300-379).
_COMPANY_PREFIX = {
    "Savonnerie du Vieux Port": "3760251",
    "Maison Lefèvre Cosmétiques": "3760312",
    "Épicerie des Halles": "3701148",
    "Confiserie Bonnat & Fils": "3483920",
    "Linge de Provence": "3660087",
    "Atelier Maison Nantaise": "3563204",
    "Éditions du Quai": "3019770",
    "Bougies de Grasse": "3770014",
}

# (sku, name, type, vendor, grams, (L, W, H) mm, price, tracking, cold)
_ROWS: list[tuple[str, str, str, str, int, tuple[int, int, int], str, str, bool]] = [
    # Cosmétiques
    ("SAV-MAR-300", "Savon de Marseille à l'huile d'olive 300 g", "Cosmétiques", "Savonnerie du Vieux Port", 310, (90, 70, 50), "6.90", "", False),
    ("SAV-LAV-100", "Savon à la lavande de Provence 100 g", "Cosmétiques", "Savonnerie du Vieux Port", 105, (75, 50, 30), "4.50", "", False),
    ("SAV-ALP-100", "Savon au lait d'ânesse 100 g", "Cosmétiques", "Savonnerie du Vieux Port", 105, (75, 50, 30), "5.20", "", False),
    ("SAV-LIQ-500", "Savon noir liquide à l'huile de lin 500 ml", "Cosmétiques", "Savonnerie du Vieux Port", 560, (200, 70, 70), "8.90", "", False),
    ("SAV-COF-4", "Coffret découverte 4 savons de Marseille", "Cosmétiques", "Savonnerie du Vieux Port", 460, (220, 160, 55), "19.90", "", False),
    ("CRM-VIS-50", "Crème visage hydratante à l'huile d'argan 50 ml", "Cosmétiques", "Maison Lefèvre Cosmétiques", 120, (60, 60, 60), "24.00", LOT, False),
    ("CRM-MNS-75", "Crème mains au karité 75 ml", "Cosmétiques", "Maison Lefèvre Cosmétiques", 95, (150, 45, 30), "9.50", LOT, False),
    ("BAU-LEV-15", "Baume à lèvres à la cire d'abeille 15 ml", "Cosmétiques", "Maison Lefèvre Cosmétiques", 30, (40, 40, 25), "5.90", LOT, False),
    ("HUI-SEC-100", "Huile sèche corps et cheveux 100 ml", "Cosmétiques", "Maison Lefèvre Cosmétiques", 180, (130, 45, 45), "19.50", LOT, False),
    ("EAU-ROS-200", "Eau florale de rose de Damas 200 ml", "Cosmétiques", "Maison Lefèvre Cosmétiques", 240, (160, 50, 50), "12.90", LOT, False),
    ("SHP-SOL-85", "Shampooing solide à l'ortie 85 g", "Cosmétiques", "Maison Lefèvre Cosmétiques", 95, (70, 70, 35), "10.90", "", False),
    ("DEO-BAU-50", "Déodorant baume au bicarbonate 50 g", "Cosmétiques", "Maison Lefèvre Cosmétiques", 90, (60, 60, 40), "11.50", LOT, False),
    ("PIE-PON-1", "Pierre ponce naturelle", "Cosmétiques", "Maison Lefèvre Cosmétiques", 60, (90, 50, 35), "4.20", "", False),
    # Épicerie fine
    ("EPI-FOI-180", "Foie gras de canard entier mi-cuit 180 g", "Épicerie fine", "Épicerie des Halles", 260, (110, 80, 60), "34.90", LOT, True),
    ("EPI-RIL-180", "Rillettes de canard du Périgord 180 g", "Épicerie fine", "Épicerie des Halles", 250, (85, 85, 60), "7.80", LOT, True),
    ("EPI-FLE-125", "Fleur de sel de Guérande 125 g", "Épicerie fine", "Épicerie des Halles", 160, (75, 75, 60), "5.50", "", False),
    ("EPI-HUI-500", "Huile d'olive vierge extra de Nyons AOP 50 cl", "Épicerie fine", "Épicerie des Halles", 980, (300, 65, 65), "21.00", LOT, False),
    ("EPI-MOU-210", "Moutarde de Dijon à l'ancienne 210 g", "Épicerie fine", "Épicerie des Halles", 330, (95, 70, 70), "3.90", LOT, False),
    ("EPI-CON-FIG", "Confiture de figues violettes 340 g", "Épicerie fine", "Épicerie des Halles", 520, (100, 75, 75), "6.40", LOT, False),
    ("EPI-CON-ABR", "Confiture d'abricots du Roussillon 340 g", "Épicerie fine", "Épicerie des Halles", 520, (100, 75, 75), "6.40", LOT, False),
    ("EPI-MIE-LAV", "Miel de lavande de Haute-Provence 250 g", "Épicerie fine", "Épicerie des Halles", 380, (90, 70, 70), "9.80", LOT, False),
    ("EPI-HER-40", "Herbes de Provence Label Rouge 40 g", "Épicerie fine", "Épicerie des Halles", 70, (110, 60, 40), "3.60", "", False),
    ("EPI-PIM-ESP", "Piment d'Espelette AOP 40 g", "Épicerie fine", "Épicerie des Halles", 60, (60, 50, 50), "8.90", LOT, False),
    ("EPI-VIN-XER", "Vinaigre de Xérès 25 cl", "Épicerie fine", "Épicerie des Halles", 520, (230, 60, 60), "7.20", "", False),
    ("EPI-SAR-115", "Sardines à l'huile d'olive millésimées 115 g", "Épicerie fine", "Épicerie des Halles", 140, (110, 80, 25), "5.90", LOT, False),
    ("EPI-THE-VRT", "Thé vert au jasmin en vrac 100 g", "Épicerie fine", "Épicerie des Halles", 130, (120, 80, 80), "8.50", LOT, False),
    ("EPI-CAF-250", "Café d'Éthiopie moulu torréfié à Lyon 250 g", "Épicerie fine", "Épicerie des Halles", 270, (160, 90, 55), "9.90", LOT, False),
    ("EPI-SIR-ERA", "Sirop d'érable pur ambré 250 ml", "Épicerie fine", "Épicerie des Halles", 420, (180, 60, 60), "11.90", LOT, False),
    ("CHO-NOI-100", "Tablette chocolat noir 75 % cacao 100 g", "Épicerie fine", "Confiserie Bonnat & Fils", 110, (160, 80, 10), "4.80", LOT, False),
    ("CHO-LAI-100", "Tablette chocolat au lait noisettes 100 g", "Épicerie fine", "Confiserie Bonnat & Fils", 110, (160, 80, 12), "4.80", LOT, False),
    ("CAL-BEU-150", "Caramels au beurre salé de Bretagne 150 g", "Épicerie fine", "Confiserie Bonnat & Fils", 170, (120, 80, 40), "6.90", LOT, False),
    ("CAL-CAL-200", "Calissons d'Aix-en-Provence 200 g", "Épicerie fine", "Confiserie Bonnat & Fils", 240, (180, 110, 30), "14.50", LOT, False),
    ("NOU-MON-100", "Nougat de Montélimar tendre 100 g", "Épicerie fine", "Confiserie Bonnat & Fils", 115, (150, 50, 25), "5.40", LOT, False),
    ("BIS-SAB-125", "Sablés bretons pur beurre 125 g", "Épicerie fine", "Confiserie Bonnat & Fils", 150, (180, 60, 50), "3.90", LOT, False),
    ("CHO-CAS-24", "Carton de 24 tablettes chocolat noir 75 %", "Épicerie fine", "Confiserie Bonnat & Fils", 2800, (340, 170, 130), "99.00", LOT, False),
    # Maison
    ("MAI-BOU-PAR", "Bougie parfumée figuier 180 g", "Maison", "Bougies de Grasse", 420, (85, 85, 95), "24.00", "", False),
    ("MAI-BOU-AMB", "Bougie parfumée ambre et santal 180 g", "Maison", "Bougies de Grasse", 420, (85, 85, 95), "24.00", "", False),
    ("MAI-DIF-100", "Diffuseur de parfum fleur d'oranger 100 ml", "Maison", "Bougies de Grasse", 380, (250, 70, 70), "29.00", "", False),
    ("MAI-BOL-GRE", "Bol en grès émaillé bleu de Sèvres", "Maison", "Atelier Maison Nantaise", 450, (140, 140, 75), "18.00", "", False),
    ("MAI-TAS-LIN", "Tasse à café en porcelaine de Limoges", "Maison", "Atelier Maison Nantaise", 190, (95, 75, 65), "15.00", "", False),
    ("MAI-PLA-CHN", "Planche à découper en bois de chêne", "Maison", "Atelier Maison Nantaise", 1150, (400, 250, 25), "39.00", "", False),
    ("MAI-COU-LAG", "Couteau de table Laguiole manche olivier", "Maison", "Atelier Maison Nantaise", 95, (235, 30, 20), "32.00", SERIAL, False),
    ("MAI-MOU-POI", "Moulin à poivre en hêtre 18 cm", "Maison", "Atelier Maison Nantaise", 310, (180, 55, 55), "27.50", "", False),
    ("MAI-CAF-ITA", "Cafetière italienne inox 6 tasses", "Maison", "Atelier Maison Nantaise", 720, (200, 150, 120), "45.00", SERIAL, False),
    ("MAI-PAN-OSI", "Panier à pain en osier tressé", "Maison", "Atelier Maison Nantaise", 280, (300, 200, 90), "22.00", "", False),
    ("MAI-VAS-VER", "Vase en verre soufflé de Biot", "Maison", "Atelier Maison Nantaise", 1300, (200, 200, 280), "68.00", "", False),
    # Textile
    ("TEX-TOR-MAR", "Torchon en lin lavé rayé marine", "Textile", "Linge de Provence", 120, (250, 180, 15), "12.00", "", False),
    ("TEX-NAP-4", "Lot de 4 serviettes de table en coton bio", "Textile", "Linge de Provence", 260, (260, 200, 30), "26.00", "", False),
    ("TEX-NAP-PRO", "Nappe provençale enduite 150 × 200 cm", "Textile", "Linge de Provence", 780, (320, 240, 50), "49.00", "", False),
    ("TEX-TAB-CUI", "Tablier de cuisine en toile de Nîmes", "Textile", "Linge de Provence", 300, (300, 220, 25), "29.00", "", False),
    ("TEX-FOU-LIN", "Fouta en lin et coton 100 × 200 cm", "Textile", "Linge de Provence", 420, (300, 220, 40), "34.00", "", False),
    ("TEX-PLA-LAI", "Plaid en laine des Pyrénées", "Textile", "Linge de Provence", 1200, (400, 300, 120), "89.00", "", False),
    ("TEX-MAR-ML", "Marinière rayée coton taille M", "Textile", "Linge de Provence", 260, (300, 240, 30), "45.00", "", False),
    ("TEX-MAR-LL", "Marinière rayée coton taille L", "Textile", "Linge de Provence", 275, (300, 240, 30), "45.00", "", False),
    ("TEX-CHA-LAI", "Chaussettes en laine mérinos taille 39-42", "Textile", "Linge de Provence", 80, (220, 90, 20), "14.00", "", False),
    ("TEX-SAC-JUT", "Sac cabas en jute brodé « Marché »", "Textile", "Linge de Provence", 340, (400, 350, 20), "19.00", "", False),
    # Librairie
    ("LIB-CUI-PRO", "Cuisine provençale de nos grands-mères", "Librairie", "Éditions du Quai", 850, (260, 200, 25), "29.90", "", False),
    ("LIB-JAR-POT", "Le Potager du paresseux", "Librairie", "Éditions du Quai", 620, (230, 170, 20), "22.00", "", False),
    ("LIB-ROM-ETE", "Un été à Étretat — roman", "Librairie", "Éditions du Quai", 380, (205, 140, 25), "19.50", "", False),
    ("LIB-POE-BAU", "Les Fleurs du mal — édition illustrée", "Librairie", "Éditions du Quai", 540, (220, 150, 28), "25.00", "", False),
    ("LIB-ENF-LOU", "Le Loup qui voulait être boulanger", "Librairie", "Éditions du Quai", 420, (280, 220, 10), "13.90", "", False),
    ("LIB-CAR-FRA", "Carnet de voyage « Tour de France » relié", "Librairie", "Éditions du Quai", 300, (210, 150, 15), "16.00", "", False),
    ("LIB-AGE-27", "Agenda 2027 semainier toile", "Librairie", "Éditions du Quai", 350, (215, 160, 18), "18.50", "", False),
    ("LIB-STY-PLU", "Stylo plume acier, plume moyenne", "Librairie", "Éditions du Quai", 45, (150, 30, 25), "59.00", SERIAL, False),
]

# Which products carry another barcode type than EAN-13 (why: see module docstring).
_UPC_A = {"EPI-SIR-ERA": "06282111700"}  # 11-digit body of a UPC-A (Canadian maple syrup)
_GTIN14_CASES = {"CHO-CAS-24": ("1", "CHO-NOI-100")}  # indicator digit + the unit it packs

GIFT_CARD_HANDLE = "carte-cadeau-quai"
GIFT_CARD_TITLE = "Carte cadeau Quai 50 €"


def _ean13(vendor: str, index: int) -> str:
    prefix = _COMPANY_PREFIX[vendor]
    return make_gtin13(prefix + f"{index:05d}")


def build_catalogue() -> list[DemoProduct]:
    """The products, in a stable order; barcodes depend only on the table above."""
    products: list[DemoProduct] = []
    eans: dict[str, str] = {}
    per_vendor: dict[str, int] = {}
    for sku, name, kind, vendor, grams, dims, price, tracking, cold in _ROWS:
        per_vendor[vendor] = per_vendor.get(vendor, 0) + 1
        eans[sku] = _ean13(vendor, 10 + per_vendor[vendor] * 7)
    for sku, name, kind, vendor, grams, dims, price, tracking, cold in _ROWS:
        barcode = eans[sku]
        if sku in _UPC_A:
            body = _UPC_A[sku]
            barcode = body + str(gs1_check_digit(body))
        elif sku in _GTIN14_CASES:
            indicator, unit = _GTIN14_CASES[sku]
            body = indicator + eans[unit][:-1]
            barcode = body + str(gs1_check_digit(body))
        products.append(DemoProduct(sku, name, kind, vendor, grams, dims, price, barcode, tracking, cold))
    return products
