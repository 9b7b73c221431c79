"""SDMX-ML 2.1 structure messages drawn from the catalogue, for ``/api/sdmx/dataflow/…`` and its siblings.

What the catalogue becomes (agency ``DSM``, version ``1.0``, names in every language of the site):

- code lists: ``CL_AREA`` (the countries, by their stored ISO alpha-3 code), ``CL_<DIMENSION>``
  for each breakdown (its categories in the grid's order, the total ``_T`` among them), and ``CL_FREQ``,
  ``CL_OBS_STATUS``, ``CL_CONF_STATUS`` (the codes of ``vocabulary`` this portal uses);
- one concept scheme, ``CS_DSM``, with a concept per dimension and attribute;
- per indicator, a data structure definition and a dataflow, both named by the indicator's code:
  dimensions ``FREQ``, ``REF_AREA``, the indicator's breakdowns in its order, then ``TIME_PERIOD``;
  measure ``OBS_VALUE``; attributes ``OBS_STATUS``, ``CONF_STATUS`` and ``COMMENT`` on each observation.

FREQ comes first, as in the ECB's, Eurostat's and the IMF's structures, so that keys read ``A.KAZ.F``.
Built with the standard library's ElementTree: the messages are small, and nothing is parsed here.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from dsm_data.selectors import catalogue

from . import vocabulary as words

MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
STRUCTURE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"
COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
for prefix, uri in (("mes", MESSAGE), ("str", STRUCTURE), ("com", COMMON)):
    ET.register_namespace(prefix, uri)

RESOURCES = ("dataflow", "datastructure", "codelist", "conceptscheme")
# ``references`` values that bring a dataflow's structure and code lists along (SDMX 2.1 REST).
WITH_CHILDREN = ("children", "descendants", "all", "datastructure")


class UnknownStructure(LookupError):
    """No structure has the id asked for; ``allowed`` lists those that do."""

    def __init__(self, allowed):
        super().__init__(", ".join(allowed))
        self.allowed = allowed


@dataclass
class Catalogue:
    """What the structures are drawn from, read once per request."""

    indicators: list  # each with ``breakdowns``: its dimensions in order, with ``ordered_categories``
    countries: list
    dimensions: list  # every dimension, with ``ordered_categories``

    @classmethod
    def read(cls):
        indicators, dimensions, countries = catalogue.catalogue_structure()
        return cls(indicators=indicators, countries=countries, dimensions=dimensions)

    def indicator(self, code):
        """The indicator of a dataflow id; UnknownStructure naming every flow otherwise."""
        found = next((indicator for indicator in self.indicators if indicator.code == code), None)
        if found is None:
            raise UnknownStructure([indicator.code for indicator in self.indicators])
        return found

    def codelist_ids(self):
        return [words.AREA_CODELIST, *words.FIXED_CODELISTS, *(words.codelist_id(d.code) for d in self.dimensions)]


def key_dimensions(indicator):
    """The ids of a flow's key, in order: FREQ, REF_AREA, then the indicator's breakdowns."""
    return [words.FREQUENCY, words.AREA, *(dimension.code for dimension in indicator.breakdowns)]


def structures_for(catalogue, *, resource, resource_id="all", references="none"):
    """The structure message answering ``/<resource>/DSM/<resource_id>/…`` as bytes.

    A data structure comes with its code lists and concept scheme whatever ``references`` says,
    so that one message is enough to read its data; a dataflow brings them along when
    ``references`` asks for its children or more.
    """
    wanted = None if resource_id == "all" else resource_id
    message = _Message(catalogue)
    if resource in ("dataflow", "datastructure"):
        indicators = catalogue.indicators if wanted is None else [catalogue.indicator(wanted)]
        if resource == "dataflow":
            message.dataflows = indicators
        if resource == "datastructure" or references in WITH_CHILDREN:
            message.datastructures = indicators
            message.codelists = _codelists_used(indicators)
            message.concepts = True
    elif resource == "codelist":
        ids = catalogue.codelist_ids()
        if wanted is not None and wanted not in ids:
            raise UnknownStructure(ids)
        message.codelists = ids if wanted is None else [wanted]
    elif resource == "conceptscheme":
        if wanted not in (None, words.CONCEPT_SCHEME):
            raise UnknownStructure([words.CONCEPT_SCHEME])
        message.concepts = True
    return message.to_bytes()


def _codelists_used(indicators):
    breakdowns = {dimension.code for indicator in indicators for dimension in indicator.breakdowns}
    return [words.AREA_CODELIST, *words.FIXED_CODELISTS, *(words.codelist_id(code) for code in sorted(breakdowns))]


class _Message:
    """One structure message: the resources set on it, written in the order SDMX-ML 2.1 requires."""

    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.dataflows, self.datastructures, self.codelists, self.concepts = [], [], [], False

    def to_bytes(self):
        root = ET.Element(f"{{{MESSAGE}}}Structure")
        self._header(root)
        structures = ET.SubElement(root, f"{{{MESSAGE}}}Structures")
        if self.dataflows:
            parent = _sub(structures, "Dataflows")
            for indicator in self.dataflows:
                _dataflow(parent, indicator)
        if self.codelists:
            parent = _sub(structures, "Codelists")
            for codelist in self.codelists:
                self._codelist(parent, codelist)
        if self.concepts:
            self._concept_scheme(_sub(structures, "Concepts"))
        if self.datastructures:
            parent = _sub(structures, "DataStructures")
            for indicator in self.datastructures:
                _datastructure(parent, indicator)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)

    @staticmethod
    def _header(root):
        """The header SDMX requires. Prepared is the day, not the second: an unchanged catalogue keeps its
        ETag all day, so a client asking again gets 304."""
        header = ET.SubElement(root, f"{{{MESSAGE}}}Header")
        for name, text in (("ID", "DSM_STRUCTURE"), ("Test", "false")):
            ET.SubElement(header, f"{{{MESSAGE}}}{name}").text = text
        today = timezone.now().date().isoformat()
        ET.SubElement(header, f"{{{MESSAGE}}}Prepared").text = f"{today}T00:00:00Z"
        ET.SubElement(header, f"{{{MESSAGE}}}Sender", id=words.AGENCY)

    def _codelist(self, parent, codelist):
        if codelist == words.AREA_CODELIST:
            name = _("Countries")
            codes = [(country.code, country.name) for country in self.catalogue.countries]
        elif codelist in words.FIXED_CODELISTS:
            name, names = words.FIXED_CODELISTS[codelist]
            codes = list(names.items())
        else:
            dimension = next(d for d in self.catalogue.dimensions if words.codelist_id(d.code) == codelist)
            name = dimension.name
            codes = [(category.code, category.name) for category in dimension.ordered_categories]
        element = _maintainable(parent, "Codelist", codelist, name)
        for code, code_name in codes:
            _names(_sub(element, "Code", id=code), code_name)

    def _concept_scheme(self, parent):
        scheme = _maintainable(parent, "ConceptScheme", words.CONCEPT_SCHEME, _("Concepts"))
        concepts = [
            *((concept, words.CONCEPT_NAMES[concept]) for concept in (words.FREQUENCY, words.AREA)),
            *((dimension.code, dimension.name) for dimension in self.catalogue.dimensions),
            *((concept, words.CONCEPT_NAMES[concept]) for concept in list(words.CONCEPT_NAMES)[2:]),
        ]
        for concept, name in concepts:
            _names(_sub(scheme, "Concept", id=concept), name)


def _sub(parent, tag, **attributes):
    return ET.SubElement(parent, f"{{{STRUCTURE}}}{tag}", attributes)


def _names(element, texts):
    """A com:Name per language of the site: a catalogue text ({"en": …, "ru": …}) or an interface string."""
    for language, _language_name in settings.LANGUAGES:
        if isinstance(texts, dict):
            text = texts.get(language) or ""
        else:
            with translation.override(language):
                text = str(texts)
        if text:
            ET.SubElement(element, f"{{{COMMON}}}Name", {XML_LANG: language}).text = text
    return element


def _maintainable(parent, tag, identifier, name):
    element = _sub(parent, tag, id=identifier, agencyID=words.AGENCY, version=words.VERSION, isFinal="false")
    return _names(element, name)


def _reference(parent, tag, identifier, *, package, kind, **more):
    container = _sub(parent, tag)
    ET.SubElement(container, "Ref", {"id": identifier, "agencyID": words.AGENCY, **more, "package": package})
    container[0].set("class", kind)
    return container


def _concept(parent, concept):
    return _reference(
        parent,
        "ConceptIdentity",
        concept,
        package="conceptscheme",
        kind="Concept",
        maintainableParentID=words.CONCEPT_SCHEME,
        maintainableParentVersion=words.VERSION,
    )


def _representation(parent, *, codelist=None, text_type=None):
    representation = _sub(parent, "LocalRepresentation")
    if codelist:
        _reference(representation, "Enumeration", codelist, package="codelist", kind="Codelist", version=words.VERSION)
    else:
        _sub(representation, "TextFormat", textType=text_type)


def _dataflow(parent, indicator):
    flow = _maintainable(parent, "Dataflow", indicator.code, indicator.name)
    _reference(flow, "Structure", indicator.code, package="datastructure", kind="DataStructure", version=words.VERSION)


def _datastructure(parent, indicator):
    """An indicator's DSD: its key, its time, its one measure and the attributes of each observation."""
    structure = _maintainable(parent, "DataStructure", indicator.code, indicator.name)
    components = _sub(structure, "DataStructureComponents")
    dimensions = _sub(components, "DimensionList", id="DimensionDescriptor")
    codelists = ["CL_FREQ", words.AREA_CODELIST]
    codelists += [words.codelist_id(dimension.code) for dimension in indicator.breakdowns]
    for position, (concept, codelist) in enumerate(zip(key_dimensions(indicator), codelists, strict=True), 1):
        dimension = _sub(dimensions, "Dimension", id=concept, position=str(position))
        _concept(dimension, concept)
        _representation(dimension, codelist=codelist)
    time = _sub(dimensions, "TimeDimension", id=words.TIME, position=str(len(codelists) + 1))
    _concept(time, words.TIME)
    _representation(time, text_type="ObservationalTimePeriod")
    attributes = _sub(components, "AttributeList", id="AttributeDescriptor")
    for concept, status, codelist in (
        (words.STATUS, "Mandatory", "CL_OBS_STATUS"),
        (words.CONFIDENTIALITY, "Conditional", "CL_CONF_STATUS"),
        (words.COMMENT, "Conditional", None),
    ):
        attribute = _sub(attributes, "Attribute", id=concept, assignmentStatus=status)
        _concept(attribute, concept)
        _representation(attribute, codelist=codelist, text_type="String")
        ET.SubElement(_sub(_sub(attribute, "AttributeRelationship"), "PrimaryMeasure"), "Ref", id=words.MEASURE)
    measure = _sub(_sub(components, "MeasureList", id="MeasureDescriptor"), "PrimaryMeasure", id=words.MEASURE)
    _concept(measure, words.MEASURE)
    _representation(measure, text_type="Decimal")
