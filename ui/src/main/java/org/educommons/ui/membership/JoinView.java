package org.educommons.ui.membership;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.educommons.membership.JoinApplicationInput;
import org.educommons.membership.JoinApplicationDetails;
import org.educommons.membership.JoinApplications;
import org.educommons.platform.api.Requests;
import org.educommons.platform.web.ClientAddress;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantKind;
import org.educommons.ui.MainLayout;

/**
 * A city or district applies to join a community (申请加入), without an account: who it is, who to
 * contact, why. The service checks every field; the joint council decides later.
 */
@Route(value = "communities/:community/join", layout = MainLayout.class)
public class JoinView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final JoinApplications applications;
    private final ClientAddress clientAddress;
    private final CommunityDirectory directory;
    private String title = "";

    @Inject
    public JoinView(JoinApplications applications, CommunityDirectory directory, ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.applications = applications;
        this.directory = directory;
        setMaxWidth("48em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CommunitySlug community = Requests.community(event.getRouteParameters().get("community").orElse(""));
        CommunityDirectory.CommunityDetails details = directory.community(community);
        removeAll();
        title = getTranslation("join.title", details.name().in(getLocale()));
        H2 heading = new H2(title);
        heading.setId("join-title");
        add(heading, new Paragraph(getTranslation("join.intro")));

        TextField name = new TextField(getTranslation("join.name"));
        name.setId("join-name");
        name.setRequiredIndicatorVisible(true);
        TextField nameEn = new TextField(getTranslation("join.name-en"));
        nameEn.setId("join-name-en");
        Select<TenantKind> kind = new Select<>();
        kind.setLabel(getTranslation("join.kind"));
        kind.setId("join-kind");
        kind.setItems(TenantKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k.name()));
        kind.setValue(TenantKind.DISTRICT);
        // optional: the tenant it belongs under (a county names its city), looked up as the clerk types
        ComboBox<CommunityDirectory.TenantDetails.TenantRef> parent = new ComboBox<>(getTranslation("join.parent"));
        parent.setId("join-parent");
        parent.setHelperText(getTranslation("join.parent.help"));
        parent.setClearButtonVisible(true);
        parent.setItems(query -> directory.searchTenants(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                .stream());
        parent.setItemLabelGenerator(t -> t.name().in(getLocale()) + "（" + getTranslation("kind." + t.kind().name()) + "）");
        TextField region = new TextField(getTranslation("join.region"));
        region.setId("join-region");
        region.setRequiredIndicatorVisible(true);
        TextField contact = new TextField(getTranslation("join.contact-name"));
        contact.setId("join-contact-name");
        contact.setRequiredIndicatorVisible(true);
        EmailField email = new EmailField(getTranslation("join.contact-email"));
        email.setId("join-contact-email");
        email.setRequiredIndicatorVisible(true);
        TextArea reason = new TextArea(getTranslation("join.reason"));
        reason.setId("join-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMinHeight("8em");
        FormLayout form = new FormLayout(name, nameEn, kind, parent, region, contact, email, reason);
        form.setColspan(reason, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        Button submit = new Button(getTranslation("join.submit"), e -> {
            JoinApplicationDetails submitted = applications.apply(community, new JoinApplicationInput(name.getValue(),
                    nameEn.getValue(), kind.getValue() == null ? null : kind.getValue().name(), region.getValue(),
                    contact.getValue(), email.getValue(), reason.getValue(),
                    parent.getValue() == null ? null : parent.getValue().slug()),
                    clientAddress.of(com.vaadin.flow.server.VaadinServletRequest.getCurrent().getHttpServletRequest()));
            removeAll();
            Paragraph done = new Paragraph(getTranslation("join.submitted", submitted.name(), details.name().in(getLocale()),
                    String.valueOf(submitted.id()), email.getValue().trim()));
            done.setId("join-submitted");
            add(new H2(title), done);
        });
        submit.setId("join-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, submit);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
