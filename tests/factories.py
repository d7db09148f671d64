import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from kennisagenda import roles
from kennisagenda.models import Thema

DEFAULT_PASSWORD = "een-lang-test-wachtwoord-010"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            roles.sync_role_permissions()
            user.groups.add(Group.objects.get(name=extracted))
        if create:
            user.save()


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"testthema {n}")
    slug = factory.Sequence(lambda n: f"testthema-{n}")
    beschrijving = "Een thema om mee te testen."
