"""Admin lists that answer a wrong date in the date hierarchy like any wrong
filter: back to the list with "?e=1", never a server error.

Django's ChangeList turns a ValueError while reading ?<veld>__year= into
IncorrectLookupParameters, but not an OverflowError (a year of twenty
digits), nor the year after 9999 or the month after December 9999, and a
year 1 date fails later, when the database converts it to UTC. Every
ModelAdmin with a `date_hierarchy` mixes in `DatumhierarchieZonderOverloop`.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList

EERSTE_JAAR, LAATSTE_JAAR = 2, 9998  # a whole year, plus time zones, stays in range


class ChangeListZonderOverloop(ChangeList):
    def get_filters(self, request):
        if self.date_hierarchy:
            jaren = request.GET.getlist(f"{self.date_hierarchy}__year")
            if jaren and not (
                jaren[-1].isascii()
                and jaren[-1].isdigit()
                and EERSTE_JAAR <= int(jaren[-1]) <= LAATSTE_JAAR
            ):
                raise IncorrectLookupParameters(f"Geen geldig jaar: {jaren[-1]!r}")
        try:
            return super().get_filters(request)
        except OverflowError as fout:
            raise IncorrectLookupParameters(fout) from fout


class DatumhierarchieZonderOverloop:
    """ModelAdmin mixin: the list of a date hierarchy without server errors."""

    def get_changelist(self, request, **kwargs):
        return ChangeListZonderOverloop
