"""QR codes for the hand-over sheet, as inline SVG (no image request, prints sharp at any size)."""

import segno

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def qr_svg(url: str):
    """Inline SVG of a QR code that opens ``url``; labelled for screen readers, black on white for print.

    ``url`` must only ever hold service identifiers: whatever is in it can be read by anyone who sees the
    paper.
    """
    code = segno.make(url, error="m")
    label = escape(_("QR code. Scan it with your phone to open this list."))
    # A viewBox instead of a fixed size lets CSS size it (10rem on screen, 40 mm on paper); a quiet zone of
    # four modules is what the QR standard asks for, so cheap phone cameras read it too.
    svg = code.svg_inline(
        border=4, dark="#000", light="#fff", svgclass="hz-qr", lineclass=None, omitsize=True
    )
    # role="img" with a label makes the drawing one image for assistive technology.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
