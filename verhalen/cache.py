"""What makes the cached public pages of this app stale (see toolkit/cache.py).

"collecties": the home page, cached for anonymous visitors, shows the latest
public collections (title, audience, introduction, publication date, themes)
with how many stories each has. Stale on any change to a collection, its
items or themes, and to a story (consent). Counts themselves are stored, not
cached (verhalen/services/tellingen.py); theme names are "themas"
(kennisagenda/cache.py). The receivers are connected by VerhalenConfig.ready().
"""

from toolkit import cache
from verhalen.models import Verhaal
from verhalen.models.collectie import Collectie, CollectieItem, CollectieThema

COLLECTIES = "collecties"

cache.verhoog_bij_wijziging(
    COLLECTIES, (Verhaal, Collectie, CollectieItem, CollectieThema), koppeltabel=CollectieThema
)
