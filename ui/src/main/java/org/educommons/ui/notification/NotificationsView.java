package org.educommons.ui.notification;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.educommons.platform.api.Page;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.platform.outbox.Inbox;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.MainLayout;
import org.educommons.ui.Routes;

/** The signed-in person's notifications (站内通知), newest first, unread ones marked. */
@Route(value = "me/notifications", layout = MainLayout.class)
public class NotificationsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Inbox inbox;
    private final TenantContext tenantContext;

    @Inject
    public NotificationsView(Inbox inbox, TenantContext tenantContext) {
        this.inbox = inbox;
        this.tenantContext = tenantContext;
        setMaxWidth("50em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Routes.signInFirst(event, tenantContext)) {
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        Page<Inbox.Notification> page = inbox.notifications(false, null, Page.MAX_LIMIT, getLocale());
        H2 heading = new H2(getPageTitle());
        Button readAll = new Button(getTranslation("notifications.read-all"), e -> {
            inbox.markAllRead();
            e.getSource().getUI().ifPresent(ui -> ui.getPage().reload()); // the bell in the frame counts again
        });
        readAll.setId("read-all");
        readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(heading, readAll);
        if (page.items().isEmpty()) {
            add(new Paragraph(getTranslation("notifications.empty")));
        }
        VerticalLayout list = new VerticalLayout();
        list.setId("notifications");
        list.setPadding(false);
        for (Inbox.Notification n : page.items()) {
            Span subject = new Span(n.subject());
            subject.addClassName("notification-subject");
            subject.getStyle().set("font-weight", n.readAt() == null ? "700" : "400");
            Div header = new Div(subject);
            if (n.readAt() == null) {
                Span unread = new Span(getTranslation("notifications.unread"));
                unread.getElement().getThemeList().add("badge");
                unread.getStyle().set("margin-left", "var(--lumo-space-s)");
                header.add(unread);
            }
            Paragraph body = new Paragraph(n.body());
            body.getStyle().set("white-space", "pre-line").set("margin", "var(--lumo-space-xs) 0");
            Span at = new Span(BeijingTime.minutes(n.createdAt()));
            at.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Div item = new Div(header, body, at);
            item.addClassName("notification");
            item.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding-bottom", "var(--lumo-space-s)")
                    .set("width", "100%");
            if (n.readAt() == null) {
                item.addClickListener(e -> {
                    inbox.markRead(n.id());
                    render();
                });
            }
            list.add(item);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title");
    }
}
