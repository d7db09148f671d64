app_name = "projecten"

urlpatterns = []
