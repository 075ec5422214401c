"""imsmanifest.xml for one module as one SCORM 1.2 SCO (launch.html), from the module's metadata.

Title and description (the LOM's general block, and the organisation's title), typical learning time
(the LOM's educational block: the lessons' and capstone's minutes as an ISO 8601 duration), the
content version, and the mastery score (adlcp:masteryscore) when the module is scored. Every file of
the package is listed in the one resource, as SCORM 1.2 asks, but the schemas: they belong to the
manifest, which names them in xsi:schemaLocation (SCHEMAS; the package carries them, from xsd/).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"
# Every schema file the package carries beside the manifest: the three named, and the one the IMS
# schemas import for xml:lang.
SCHEMAS = ("imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")

for prefix, uri in (("", IMSCP), ("adlcp", ADLCP), ("imsmd", IMSMD), ("xsi", XSI)):
    ET.register_namespace(prefix, uri)


@dataclass(frozen=True)
class ManifestInfo:
    identifier: str  # stable across versions, so an LMS can recognise an update of the same package
    version: str
    title: str
    description: str
    keywords: tuple[str, ...]
    language: str
    minutes: int
    mastery_score: int | None  # None: not scored (no knowledge-check questions)
    launch: str  # the SCO's file, e.g. launch.html
    files: tuple[str, ...]  # every file in the package but the manifest, with forward slashes


def xml_id(*parts: str) -> str:
    """An XML ID (xs:ID, an NCName) made of `parts`: letters, digits, '.', '-', '_', never a digit first."""
    text = ".".join(re.sub(r"[^A-Za-z0-9_.-]+", "-", part).strip("-") for part in parts)
    return text if re.match(r"[A-Za-z_]", text) else f"_{text}"


def iso_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def manifest_xml(info: ManifestInfo) -> bytes:
    root = ET.Element(
        _cp("manifest"), {"identifier": info.identifier, "version": info.version, f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION}
    )
    metadata = _sub(root, _cp("metadata"))
    _sub(metadata, _cp("schema"), "ADL SCORM")
    _sub(metadata, _cp("schemaversion"), "1.2")
    metadata.append(_lom(info))

    organizations = _sub(root, _cp("organizations"), attrib={"default": xml_id("ORG", info.identifier)})
    organization = _sub(organizations, _cp("organization"), attrib={"identifier": xml_id("ORG", info.identifier)})
    _sub(organization, _cp("title"), info.title)
    item = _sub(
        organization,
        _cp("item"),
        attrib={"identifier": xml_id("ITEM", info.identifier), "identifierref": xml_id("RES", info.identifier), "isvisible": "true"},
    )
    _sub(item, _cp("title"), info.title)
    if info.mastery_score is not None:
        _sub(item, f"{{{ADLCP}}}masteryscore", str(info.mastery_score))

    resources = _sub(root, _cp("resources"))
    resource = _sub(
        resources,
        _cp("resource"),
        attrib={"identifier": xml_id("RES", info.identifier), "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": info.launch},
    )
    for name in info.files:
        _sub(resource, _cp("file"), attrib={"href": name})

    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def _lom(info: ManifestInfo) -> ET.Element:
    lom = ET.Element(_md("lom"))
    general = _sub(lom, _md("general"))
    _langstring(_sub(general, _md("title")), info.title, info.language)
    _sub(general, _md("language"), info.language)
    _langstring(_sub(general, _md("description")), info.description, info.language)
    for keyword in info.keywords:
        _langstring(_sub(general, _md("keyword")), keyword, info.language)
    lifecycle = _sub(lom, _md("lifecycle"))
    _langstring(_sub(lifecycle, _md("version")), info.version, "x-none")
    educational = _sub(lom, _md("educational"))
    _sub(_sub(educational, _md("typicallearningtime")), _md("datetime"), iso_duration(info.minutes))
    return lom


def _langstring(parent: ET.Element, text: str, language: str) -> None:
    _sub(parent, _md("langstring"), text, {"{http://www.w3.org/XML/1998/namespace}lang": language})


def _sub(parent: ET.Element, tag: str, text: str | None = None, attrib: dict | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib or {})
    element.text = text
    return element


def _cp(tag: str) -> str:
    return f"{{{IMSCP}}}{tag}"


def _md(tag: str) -> str:
    return f"{{{IMSMD}}}{tag}"
