"""Lookups that keep user input from reaching the database as an error.

Django's own exact/gt/gte/lt/lte lookups on integer columns already treat a
number the column can never hold as "no match" (IntegerFieldOverflow). Its
`__in` lookup does not: `pk__in=[10**30]` raises OverflowError on SQLite and
"integer out of range" on PostgreSQL. Every ModelMultipleChoiceField checks
what was posted with such a query (`pk__in`), so a form with a multiple
choice of themes, codes or fragments answered 500 to a huge number.
`GeheelGetalIn` leaves those numbers out: they match nothing anyway.
Registered on IntegerField (so also on AutoField/BigAutoField) in
CarelabConfig.ready().
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class GeheelGetalIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            laag, hoog = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                waarde
                for waarde in self.rhs
                if not isinstance(waarde, int)
                or ((laag is None or waarde >= laag) and (hoog is None or waarde <= hoog))
            ]
        return super().process_rhs(compiler, connection)


def registreer():
    IntegerField.register_lookup(GeheelGetalIn)
