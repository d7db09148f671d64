"""Public pages of projects, werkteams and publications.

Everyone may read them; only what coordinators marked "op de website" shows.
Researchers also see, on a project page, how many stories are linked to it.
"""

from django.db.models import Prefetch
from django.views.generic import DetailView
from django_filters.views import FilterView

from kennisagenda import sections

from . import structured_data
from .filters import ProjectFilter, PublicatieFilter, WerkteamFilter
from .models import Lidmaatschap, Project, Publicatie, Teamlid, Werkteam


def openbare_publicaties():
    """Prefetch of the public publications, as `openbare_publicaties` (a list)."""
    return Prefetch(
        "publicaties", queryset=Publicatie.objects.gepubliceerd(), to_attr="openbare_publicaties"
    )


class ProjectListView(FilterView):
    filterset_class = ProjectFilter
    queryset = Project.objects.gepubliceerd().voor_lijst()
    template_name = "projecten/project_list.html"
    context_object_name = "projecten"
    paginate_by = 20


class ProjectDetailView(DetailView):
    template_name = "projecten/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return (
            Project.objects.gepubliceerd()
            .select_related("financier")
            .prefetch_related(
                Prefetch("themas", to_attr="themas_lijst"),
                "wijken",
                "bijeenkomsten",
                "partnerschappen__organisatie",
                Prefetch(
                    "teamleden",
                    queryset=Teamlid.objects.select_related("persoon__organisatie"),
                ),
                Prefetch(
                    "werkteams",
                    queryset=Werkteam.objects.gepubliceerd().prefetch_related(
                        Prefetch("themas", to_attr="themas_lijst")
                    ),
                    to_attr="openbare_werkteams",
                ),
                openbare_publicaties(),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context["sections"] = sections.render_context("project", self.request, project)
        context["json_ld"] = structured_data.als_script(
            structured_data.research_project(
                project, url=self.request.build_absolute_uri(project.get_absolute_url())
            )
        )
        context["kop_sections"] = sections.render_context("project_kop", self.request, project)
        return context


class WerkteamListView(FilterView):
    filterset_class = WerkteamFilter
    queryset = Werkteam.objects.gepubliceerd().voor_lijst()
    template_name = "projecten/werkteam_list.html"
    context_object_name = "werkteams"
    paginate_by = 20


class WerkteamDetailView(DetailView):
    template_name = "projecten/werkteam_detail.html"
    context_object_name = "werkteam"

    def get_queryset(self):
        return (
            Werkteam.objects.gepubliceerd()
            .select_related("project")
            .prefetch_related(
                Prefetch("themas", to_attr="themas_lijst"),
                "wijken",
                "bijeenkomsten",
                Prefetch(
                    "lidmaatschappen",
                    queryset=Lidmaatschap.objects.select_related("persoon", "organisatie"),
                ),
                openbare_publicaties(),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections.render_context("werkteam", self.request, self.object)
        context["kop_sections"] = sections.render_context("werkteam_kop", self.request, self.object)
        return context


class PublicatieListView(FilterView):
    filterset_class = PublicatieFilter
    queryset = Publicatie.objects.gepubliceerd().voor_lijst()
    template_name = "projecten/publicatie_list.html"
    context_object_name = "publicaties"
    paginate_by = 25


class PublicatieDetailView(DetailView):
    template_name = "projecten/publicatie_detail.html"
    context_object_name = "publicatie"

    def get_queryset(self):
        return Publicatie.objects.gepubliceerd().voor_lijst()
