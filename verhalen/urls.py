app_name = "verhalen"

urlpatterns = []
