import pytest
from django.core.exceptions import ValidationError

from tests.factories import UserFactory
from tests.verhalen.factories import VerhaalFactory
from tests.vertellers.factories import ContactgegevensFactory
from verhalen.services.verhalen import wis_verhaal
from vertellers.models import Contactgegevens
from vertellers.services import bewaar_contactgegevens

pytestmark = pytest.mark.django_db


def test_bewaar_contactgegevens_creates_and_updates_one_record():
    verhaal = VerhaalFactory()

    bewaar_contactgegevens(verhaal=verhaal, gegevens={"naam": " Anna ", "email": "a@example.org"})
    bewaar_contactgegevens(verhaal=verhaal, gegevens={"telefoon": "010-1234567"})

    contact = Contactgegevens.objects.get(verhaal=verhaal)
    assert (contact.naam, contact.email, contact.telefoon) == (
        "Anna",
        "a@example.org",
        "010-1234567",
    )


def test_bewaar_contactgegevens_with_every_field_empty_keeps_nothing():
    contact = ContactgegevensFactory()

    resultaat = bewaar_contactgegevens(
        verhaal=contact.verhaal, gegevens={"naam": "", "email": "", "telefoon": "", "adres": ""}
    )

    assert resultaat is None
    assert not Contactgegevens.objects.exists()


def test_bewaar_contactgegevens_refuses_a_bad_email_address():
    verhaal = VerhaalFactory()

    with pytest.raises(ValidationError) as fout:
        bewaar_contactgegevens(verhaal=verhaal, gegevens={"email": "geen adres"})

    assert "email" in fout.value.message_dict
    assert not Contactgegevens.objects.exists()


def test_contactgegevens_never_name_the_teller_in_their_string():
    contact = ContactgegevensFactory(naam="Anna Jansen", email="anna@example.org")

    assert str(contact) == f"Contactgegevens bij verhaal {contact.verhaal_id}"


def test_erasing_a_story_erases_its_contactgegevens_and_no_other():
    gewist = ContactgegevensFactory()
    ander = ContactgegevensFactory()

    wis_verhaal(verhaal=gewist.verhaal, door=UserFactory())

    assert list(Contactgegevens.objects.all()) == [ander]


def test_researchers_may_see_contactgegevens_brede_raad_and_coordinators_may_not():
    onderzoeker = UserFactory(role="onderzoeker")
    brede_raad = UserFactory(role="brede_raad")
    coordinator = UserFactory(role="coordinator")

    assert onderzoeker.has_perm("vertellers.view_contactgegevens")
    assert onderzoeker.has_perm("vertellers.change_contactgegevens")
    assert not brede_raad.has_perm("vertellers.view_contactgegevens")
    assert not coordinator.has_perm("vertellers.view_contactgegevens")
