"""A paginator that never counts more than a fixed number of rows.

Django's Paginator asks COUNT(*) of the whole selection; over 100 000
stories or a million fragments that costs as much as the page itself,
and it grows with the data. `BegrensdePaginator` counts at most `grens`
rows (one bounded query, the same cost at every size) and says "meer dan
1 000" beyond that; the pages up to the limit work as usual.

    pagina = BegrensdePaginator(verhalen, 20).get_page(request.GET.get("pagina"))
    {% if pagina.paginator.is_begrensd %}Meer dan {{ pagina.paginator.grens }}{% endif %}
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

GRENS = 1000


def begrensd_aantal(queryset, grens=GRENS):
    """How many rows `queryset` holds, counted up to `grens` + 1 (one query)."""
    return queryset.order_by().values("pk")[: grens + 1].count()


class BegrensdePaginator(Paginator):
    def __init__(self, object_list, per_page, *, grens=GRENS, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.grens = grens

    @cached_property
    def telling(self):
        return begrensd_aantal(self.object_list, self.grens)

    @property
    def is_begrensd(self):
        """More rows than `grens`: only the first `grens` can be paged through."""
        return self.telling > self.grens

    @cached_property
    def count(self):
        return min(self.telling, self.grens)
