"""Django's ``{% translate %}``, its fixed texts kept once translated: load it after ``i18n``.

The site's frame and the data browser write 24 fixed texts a page; each was translated anew, a
look-up in every catalogue of translations (the English pages', which translate few texts, missing
in all of them) and an escape: a fifth of the page's template. What ``{% translate "text" %}`` writes
depends only on the text, the catalogue of the active language and whether the template escapes, so
it is kept by those. Any other use (a variable, a filter, a context, ``as``) is translated as Django does.
``makemessages`` finds the texts as before: it reads the tag's name, not the library.
"""

from weakref import WeakKeyDictionary

from django import template
from django.templatetags import i18n
from django.utils.translation import trans_real

register = template.Library()

# {catalogue of translations: {(text, noop, autoescape): what the tag writes}}. Texts are the templates'
# own (a few hundred), catalogues one a language; Django makes new ones when its files or settings change,
# and the texts of the old ones go with them.
KEPT = WeakKeyDictionary()


class KeptTranslateNode(i18n.TranslateNode):
    """Django's node of ``{% translate %}``; a fixed text written once for each catalogue (KEPT)."""

    def render(self, context):
        text = self.filter_expression.var.literal
        if self.asvar or self.message_context or self.filter_expression.filters or text is None:
            return super().render(context)
        catalogue = trans_real.catalog()
        kept = KEPT.get(catalogue)
        if kept is None:
            kept = KEPT[catalogue] = {}
        key = (text, self.noop, context.autoescape)
        written = kept.get(key)
        if written is None:
            written = kept[key] = super().render(context)
        return written


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    """``{% translate %}`` as Django parses it, written by ``KeptTranslateNode``."""
    node = i18n.do_translate(parser, token)
    return KeptTranslateNode(node.filter_expression, node.noop, node.asvar, node.message_context)
