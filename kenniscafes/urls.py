app_name = "kenniscafes"

urlpatterns = []
