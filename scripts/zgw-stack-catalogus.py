# Run by scripts/zgw-stack.ts through Open Zaak's `manage.py shell -c`: the catalogus a municipality
# would publish for Doorstroom's processes — zaaktype NAREIZIGER-HOTELVERBLIJF (started in Open Zaak,
# followed by Doorstroom) and HUISVESTING-STATUSHOUDER (started in Doorstroom, written back), each
# published with three statustypen and the eigenschap huishoudgrootte; for the second a
# resultaattype and a besluittype with its informatieobjecttype — and Doorstroom's autorisaties, limited
# to that zaaktype and its types (docs/zgw.md §1). Idempotent: found by identificatie, else created.
# Prints one line "CATALOGUS {json of uuids}".
import datetime
import json

from django.conf import settings
from vng_api_common.authorizations.models import Applicatie, Autorisatie
from vng_api_common.constants import ComponentTypes, VertrouwelijkheidsAanduiding

from openzaak.components.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    EigenschapSpecificatie,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)

RSIN = "002220647"
BEGIN = datetime.date(2026, 1, 1)

cat, _ = Catalogus.objects.get_or_create(
    domein="DOORS",
    rsin=RSIN,
    defaults={"naam": "Doorstroom (test)", "contactpersoon_beheer_naam": "Beheer"},
)
def zaaktype(identificatie, omschrijving, statussen):
    zt = ZaakType.objects.filter(catalogus=cat, identificatie=identificatie).first()
    if not zt:
        zt = ZaakType.objects.create(
            catalogus=cat,
            identificatie=identificatie,
            zaaktype_omschrijving=omschrijving,
            vertrouwelijkheidaanduiding=VertrouwelijkheidsAanduiding.vertrouwelijk,
            doel=omschrijving,
            aanleiding=omschrijving,
            indicatie_intern_of_extern="extern",
            handeling_initiator="aanvragen",
            onderwerp="Huisvesting",
            handeling_behandelaar="behandelen",
            doorlooptijd_behandeling=datetime.timedelta(days=180),
            opschorting_en_aanhouding_mogelijk=False,
            verlenging_mogelijk=False,
            publicatie_indicatie=False,
            versiedatum=BEGIN,
            datum_begin_geldigheid=BEGIN,
            verantwoordelijke=RSIN,
            producten_of_diensten=["https://example.com/product/huisvesting"],
            referentieproces_naam=omschrijving,
            trefwoorden=[],
            verantwoordingsrelatie=[],
            concept=False,
        )
    uuids = []
    for nr, naam in enumerate(statussen, start=1):
        st, _ = StatusType.objects.get_or_create(
            zaaktype=zt, statustypevolgnummer=nr, defaults={"statustype_omschrijving": naam}
        )
        uuids.append(str(st.uuid))
    spec, _ = EigenschapSpecificatie.objects.get_or_create(
        formaat="getal", lengte="2", kardinaliteit="1", defaults={"waardenverzameling": []}
    )
    eig, _ = Eigenschap.objects.get_or_create(
        zaaktype=zt,
        eigenschapnaam="huishoudgrootte",
        defaults={"definitie": "Aantal personen in het huishouden", "specificatie_van_eigenschap": spec},
    )
    return zt, uuids, eig


# Started in Open Zaak (a zaaksysteem registers the nareiziger): Doorstroom follows its statussen.
nzt, nareiziger_statustypen, neig = zaaktype(
    "NAREIZIGER-HOTELVERBLIJF", "Nareiziger hotelverblijf", ["Aangemeld", "Hotel geplaatst", "Afgerond"]
)
# Started in Doorstroom (process linked to this zaaktype): Doorstroom writes back.
zt, statustypen, eig = zaaktype(
    "HUISVESTING-STATUSHOUDER", "Huisvesting statushouder", ["Gekoppeld", "Wacht op aanbod", "Afgerond"]
)
rt = ResultaatType.objects.filter(zaaktype=zt, omschrijving="Afgehandeld").first()
if not rt:
    rt = ResultaatType.objects.create(
        zaaktype=zt,
        omschrijving="Afgehandeld",
        resultaattypeomschrijving="",
        selectielijstklasse="",
        archiefnominatie="blijvend_bewaren",
        brondatum_archiefprocedure_afleidingswijze="afgehandeld",
    )
iot = InformatieObjectType.objects.filter(catalogus=cat, omschrijving="Besluit").first()
if not iot:
    iot = InformatieObjectType.objects.create(
        catalogus=cat,
        omschrijving="Besluit",
        informatieobjectcategorie="Besluit",
        vertrouwelijkheidaanduiding=VertrouwelijkheidsAanduiding.vertrouwelijk,
        datum_begin_geldigheid=BEGIN,
        concept=False,
        trefwoord=[],
    )
ZaakTypeInformatieObjectType.objects.get_or_create(
    zaaktype=zt, informatieobjecttype=iot, defaults={"volgnummer": 1, "richting": "uitgaand"}
)
bt = BesluitType.objects.filter(catalogus=cat, omschrijving="Voorrang bij woningtoewijzing").first()
if not bt:
    bt = BesluitType.objects.create(
        catalogus=cat,
        omschrijving="Voorrang bij woningtoewijzing",
        publicatie_indicatie=False,
        datum_begin_geldigheid=BEGIN,
        concept=False,
    )
bt.zaaktypen.add(zt)
bt.informatieobjecttypen.add(iot)
# Doorstroom's client: only what docs/zgw.md §1 lists, for this zaaktype and its types.
base = f"http://{settings.OPENZAAK_DOMAIN}/catalogi/api/v1"
app, _ = Applicatie.objects.get_or_create(
    client_ids=["__DOORSTROOM_CLIENT_ID__"],
    defaults={"label": "Doorstroom", "heeft_alle_autorisaties": False},
)
app.autorisaties.all().delete()
max_v = VertrouwelijkheidsAanduiding.vertrouwelijk
for linked in (zt, nzt):
    Autorisatie.objects.create(
        applicatie=app,
        component=ComponentTypes.zrc,
        scopes=["zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.statussen.toevoegen"],
        zaaktype=f"{base}/zaaktypen/{linked.uuid}",
        max_vertrouwelijkheidaanduiding=max_v,
    )
Autorisatie.objects.create(applicatie=app, component=ComponentTypes.ztc, scopes=["catalogi.lezen"])
Autorisatie.objects.create(
    applicatie=app,
    component=ComponentTypes.brc,
    scopes=["besluiten.lezen", "besluiten.aanmaken"],
    besluittype=f"{base}/besluittypen/{bt.uuid}",
)
Autorisatie.objects.create(
    applicatie=app,
    component=ComponentTypes.drc,
    scopes=["documenten.lezen", "documenten.aanmaken"],
    informatieobjecttype=f"{base}/informatieobjecttypen/{iot.uuid}",
    max_vertrouwelijkheidaanduiding=max_v,
)

print(
    "CATALOGUS "
    + json.dumps(
        {
            "catalogus": str(cat.uuid),
            "zaaktype": str(zt.uuid),
            "statustypen": statustypen,
            "resultaattype": str(rt.uuid),
            "besluittype": str(bt.uuid),
            "informatieobjecttype": str(iot.uuid),
            "eigenschap": str(eig.uuid),
            "nareizigerZaaktype": str(nzt.uuid),
            "nareizigerStatustypen": nareiziger_statustypen,
            "nareizigerEigenschap": str(neig.uuid),
        }
    )
)
